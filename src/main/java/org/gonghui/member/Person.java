package org.gonghui.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A real-name identity (实名): one per ID number, found through the ID number's keyed hash. ID number
 * and phone are held only as ciphertext, keyed hash and masked form; never exposed as an entity.
 */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "id_hash", updatable = false)
    public byte[] idHash;

    @Column(name = "id_cipher")
    public byte[] idCipher;

    @Column(name = "id_key")
    public String idKey;

    @Column(name = "id_masked", updatable = false)
    public String idMasked;

    public String name;

    @Column(name = "birth_date", updatable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Sex sex;

    @Column(name = "phone_hash")
    public byte[] phoneHash;

    @Column(name = "phone_cipher")
    public byte[] phoneCipher;

    @Column(name = "phone_key")
    public String phoneKey;

    @Column(name = "phone_masked")
    public String phoneMasked;

    public String subject;

    @Version
    public int version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** A new person with this ID number: hash, ciphertext and the fields derived from it. */
    static Person of(IdNumber idNumber, String name, PersonalData protector) {
        Person person = new Person();
        person.idHash = protector.hash(Purpose.ID_NUMBER, idNumber.value());
        Sealed sealed = protector.encrypt(Purpose.ID_NUMBER, idNumber.value());
        person.idCipher = sealed.ciphertext();
        person.idKey = sealed.keyId();
        person.idMasked = idNumber.masked();
        person.birthDate = idNumber.birthDate();
        person.sex = idNumber.sex();
        person.name = name;
        person.updatedAt = OffsetDateTime.now();
        return person;
    }

    void setPhone(PhoneNumber phone, PersonalData protector) {
        if (phone == null) {
            phoneHash = null;
            phoneCipher = null;
            phoneKey = null;
            phoneMasked = null;
        } else {
            phoneHash = protector.hash(Purpose.PHONE, phone.value());
            Sealed sealed = protector.encrypt(Purpose.PHONE, phone.value());
            phoneCipher = sealed.ciphertext();
            phoneKey = sealed.keyId();
            phoneMasked = phone.masked();
        }
    }

    static Optional<Person> findByIdHash(byte[] hash) {
        return find("idHash", hash).firstResultOptional();
    }

    public static Optional<Person> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
