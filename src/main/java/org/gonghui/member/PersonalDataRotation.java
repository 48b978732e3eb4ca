package org.gonghui.member;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.support.PersonalDataConfig;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Key rotation: re-encrypts, a batch at a time, every ID number and phone still encrypted under a key
 * other than the active one. Once no row names an old key, that key can be removed from the
 * configuration. Rows are locked with SKIP LOCKED, so replicas share the work and users are not blocked.
 */
@ApplicationScoped
public class PersonalDataRotation {

    private static final Logger LOG = Logger.getLogger(PersonalDataRotation.class);

    @Inject
    PersonalData personalData;

    @Inject
    PersonalDataConfig config;

    @Scheduled(every = "${gonghui.personal-data.reencrypt-every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rotate() {
        // Rows under a key no longer configured cannot be decrypted, so with the active key alone there is
        // nothing to do; the query below would still read the whole person table (no index serves
        // "key <> active"): 0.3 s and 280 MB per minute and replica at a million persons.
        if (!personalData.hasRetiredKeys()) {
            return;
        }
        int done;
        do {
            done = reencryptBatch();
        } while (done == config.reencryptBatchSize());
    }

    /** Re-encrypts up to one batch of persons; returns how many it changed. */
    @Transactional
    public int reencryptBatch() {
        String active = personalData.activeKey();
        List<Person> stale = Person.getEntityManager().createQuery(
                "from Person p where p.idKey <> :active or (p.phoneKey is not null and p.phoneKey <> :active) order by p.id", Person.class)
                .setParameter("active", active)
                .setMaxResults(config.reencryptBatchSize())
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Person p : stale) {
            if (!p.idKey.equals(active)) {
                Sealed id = personalData.encrypt(Purpose.ID_NUMBER, personalData.decrypt(Purpose.ID_NUMBER, p.idCipher, p.idKey));
                p.idCipher = id.ciphertext();
                p.idKey = id.keyId();
            }
            if (p.phoneKey != null && !p.phoneKey.equals(active)) {
                Sealed phone = personalData.encrypt(Purpose.PHONE, personalData.decrypt(Purpose.PHONE, p.phoneCipher, p.phoneKey));
                p.phoneCipher = phone.ciphertext();
                p.phoneKey = phone.keyId();
            }
        }
        if (!stale.isEmpty()) {
            LOG.infof("Re-encrypted personal data of %d persons under key %s", stale.size(), active);
        }
        return stale.size();
    }
}
