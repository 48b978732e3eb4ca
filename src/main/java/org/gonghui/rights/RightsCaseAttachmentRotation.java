package org.gonghui.rights;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Key rotation for attachments, beside the persons' (member/PersonalDataRotation) and on its schedule:
 * re-encrypts, a few at a time (an attachment is up to 10 MB), every attachment whose content is still
 * encrypted under a key other than the active one. Rows are locked with SKIP LOCKED, so replicas
 * share the work and an upload or download is not blocked.
 */
@ApplicationScoped
public class RightsCaseAttachmentRotation {

    private static final Logger LOG = Logger.getLogger(RightsCaseAttachmentRotation.class);
    static final int BATCH = 20;

    @Inject
    PersonalData personalData;

    @Inject
    EntityManager em;

    @Scheduled(every = "${gonghui.personal-data.reencrypt-every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rotate() {
        // with the active key alone nothing can be stale (and no index serves "key <> active")
        if (!personalData.hasRetiredKeys()) {
            return;
        }
        while (reencryptBatch() == BATCH) {
            // another full batch may follow
        }
    }

    /** Re-encrypts up to one batch of attachments under the active key; returns how many it changed. */
    @Transactional
    public int reencryptBatch() {
        String active = personalData.activeKey();
        List<?> stale = em.createNativeQuery("""
                select case_id, id, content_cipher, content_key from rights_case_attachment where content_key <> :active
                 order by case_id, id limit :batch for update skip locked""")
                .setParameter("active", active).setParameter("batch", BATCH).getResultList();
        for (Object r : stale) {
            Object[] row = (Object[]) r;
            Sealed sealed = personalData.encrypt(Purpose.RIGHTS_ATTACHMENT,
                    personalData.decrypt(Purpose.RIGHTS_ATTACHMENT, (byte[]) row[2], (String) row[3]));
            em.createNativeQuery("update rights_case_attachment set content_cipher = :cipher, content_key = :key where case_id = :case and id = :id")
                    .setParameter("cipher", sealed.ciphertext()).setParameter("key", sealed.keyId())
                    .setParameter("case", row[0]).setParameter("id", row[1]).executeUpdate();
        }
        if (!stale.isEmpty()) {
            LOG.infof("Re-encrypted %d rights-case attachments under key %s", stale.size(), active);
        }
        return stale.size();
    }
}
