package org.gonghui.notification;

/** Why a text message is sent; each purpose has its own provider template. */
public enum TextPurpose {
    /** A one-time code that confirms a membership claim. */
    CLAIM_CODE,
    /** A one-time code sent to a new phone number before it replaces the one on record. */
    PHONE_CHANGE_NEW,
    /** A one-time code sent to the phone on record to approve replacing it. */
    PHONE_CHANGE_OLD,
    /** A notice to the previous phone that the phone on record was changed. */
    PHONE_CHANGED_NOTICE,
    /** A notice to the phone on record that a login was linked to the membership. */
    CLAIM_LINKED_NOTICE
}
