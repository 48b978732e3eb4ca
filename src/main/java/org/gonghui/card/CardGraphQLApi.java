package org.gonghui.card;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.member.Member;
import org.gonghui.security.Roles;
import org.gonghui.support.TranslateErrors;

/**
 * The electronic member card: {@code me { membership { card } } } for the member themselves, and the
 * public {@code verifyMemberCard} a station or benefit base calls after scanning it.
 */
@GraphQLApi
@TranslateErrors
public class CardGraphQLApi {

    @Inject
    CardService cards;

    @Name("card")
    @Description("电子会员卡 (the member's own card with a fresh QR payload; only under me { membership }, for the member themselves; "
            + "null while the membership does not count: an application, withdrawn or deceased).")
    @RolesAllowed(Roles.MEMBER)
    public List<MemberCard> card(@Source List<Member> sources) {
        // batched like every Member field, although a member only ever reaches one membership: their own
        return cards.cardsOf(sources);
    }

    // rate-limited like every public query, by CardService.verify: the token is taken in the statement that reads the card
    @Query("verifyMemberCard")
    @Description("校验会员卡二维码 (check a scanned member card payload). Public: no login needed. A forged, tampered or expired payload "
            + "is valid: false with a reason, never an error; a payload over 1024 characters is a VALIDATION error.")
    @PermitAll
    @NonNull
    public CardVerification verifyMemberCard(
            @NonNull @Name("payload") @Description("The scanned QR code content (the card's qrPayload).") String payload) {
        return cards.verify(payload);
    }
}
