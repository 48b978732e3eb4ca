package org.gonghui.rights;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.support.PersonalDataConfig;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Key rotation of the rights cases' personal data, beside {@code member/PersonalDataRotation} (which
 * covers persons): re-encrypts, a batch at a time, every description, worker's name, contact phone and
 * step text still under a key other than the active one. Rows are locked with SKIP LOCKED, so replicas
 * share the work and case handling is not blocked; the case's version does not change (nothing a
 * client sees changes).
 */
@ApplicationScoped
public class RightsCaseRotation {

    private static final Logger LOG = Logger.getLogger(RightsCaseRotation.class);

    @Inject
    PersonalData personalData;

    @Inject
    PersonalDataConfig config;

    @Inject
    EntityManager em;

    @Scheduled(every = "${gonghui.personal-data.reencrypt-every}", delayed = "40s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rotate() {
        // with the active key alone nothing can be under another key (see PersonalDataRotation)
        if (!personalData.hasRetiredKeys()) {
            return;
        }
        while (reencryptBatch() == config.reencryptBatchSize()) {
            // another full batch may be waiting
        }
    }

    /** Re-encrypts up to one batch of cases and one of steps; returns the larger of the two counts. */
    @Transactional
    public int reencryptBatch() {
        String active = personalData.activeKey();
        int batch = config.reencryptBatchSize();
        @SuppressWarnings("unchecked")
        List<Object[]> cases = em.createNativeQuery("""
                select id, description_cipher, description_key, worker_name_cipher, worker_name_key, contact_phone_cipher, contact_phone_key
                  from rights_case
                 where description_key <> :active or worker_name_key <> :active or contact_phone_key <> :active
                 order by id limit :batch for update skip locked""")
                .setParameter("active", active).setParameter("batch", batch).getResultList();
        for (Object[] row : cases) {
            Sealed description = again(Purpose.RIGHTS_CASE_TEXT, (byte[]) row[1], (String) row[2]);
            Sealed name = again(Purpose.RIGHTS_CASE_TEXT, (byte[]) row[3], (String) row[4]);
            Sealed phone = again(Purpose.CONTACT_PHONE, (byte[]) row[5], (String) row[6]);
            em.createNativeQuery("""
                    update rights_case set description_cipher = ?1, description_key = ?2, worker_name_cipher = ?3, worker_name_key = ?4,
                           contact_phone_cipher = ?5, contact_phone_key = ?6 where id = ?7""")
                    .setParameter(1, description.ciphertext()).setParameter(2, description.keyId())
                    .setParameter(3, name == null ? null : name.ciphertext()).setParameter(4, name == null ? null : name.keyId())
                    .setParameter(5, phone == null ? null : phone.ciphertext()).setParameter(6, phone == null ? null : phone.keyId())
                    .setParameter(7, ((Number) row[0]).longValue())
                    .executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> steps = em.createNativeQuery("""
                select case_id, id, text_cipher, text_key from rights_case_step where text_key <> :active
                 order by case_id, id limit :batch for update skip locked""")
                .setParameter("active", active).setParameter("batch", batch).getResultList();
        for (Object[] row : steps) {
            Sealed text = again(Purpose.RIGHTS_CASE_TEXT, (byte[]) row[2], (String) row[3]);
            em.createNativeQuery("update rights_case_step set text_cipher = ?1, text_key = ?2 where case_id = ?3 and id = ?4")
                    .setParameter(1, text.ciphertext()).setParameter(2, text.keyId())
                    .setParameter(3, ((Number) row[0]).longValue()).setParameter(4, ((Number) row[1]).longValue())
                    .executeUpdate();
        }
        if (!cases.isEmpty() || !steps.isEmpty()) {
            LOG.infof("Re-encrypted personal data of %d rights cases and %d case steps under key %s", cases.size(), steps.size(), active);
        }
        return Math.max(cases.size(), steps.size());
    }

    /** The same plaintext under the active key; null stays null, a ciphertext already under the active key stays as it is. */
    private Sealed again(Purpose purpose, byte[] sealed, String keyId) {
        if (sealed == null) {
            return null;
        }
        if (keyId.equals(personalData.activeKey())) {
            return new Sealed(sealed, keyId);
        }
        return personalData.encrypt(purpose, personalData.decrypt(purpose, sealed, keyId));
    }
}
