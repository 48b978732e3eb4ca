package org.gonghui.rights;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Working days allowed to resolve a rights case after its acceptance: {@code default} for every category,
 * overridden per category (kebab case: {@code legal-aid}, {@code wage-arrears}, …). A misspelt category
 * under the prefix stops the service at start (the mapping knows every name).
 */
@ConfigMapping(prefix = "gonghui.rights.resolve-working-days")
public interface ResolveWorkingDays {

    @WithName("default")
    @WithDefault("15")
    int defaultDays();

    @WithDefault("30")
    int legalAid();

    Optional<Integer> legalConsultation();

    Optional<Integer> labourDisputeMediation();

    Optional<Integer> wageArrears();

    Optional<Integer> workInjury();

    Optional<Integer> socialInsurance();

    Optional<Integer> labourContract();

    Optional<Integer> grievance();

    Optional<Integer> psychologicalCounselling();

    Optional<Integer> other();

    /** The number for a category: its own, else the default. */
    default int of(RightsCaseCategory category) {
        Optional<Integer> own = switch (category) {
            case LEGAL_AID -> Optional.of(legalAid());
            case LEGAL_CONSULTATION -> legalConsultation();
            case LABOUR_DISPUTE_MEDIATION -> labourDisputeMediation();
            case WAGE_ARREARS -> wageArrears();
            case WORK_INJURY -> workInjury();
            case SOCIAL_INSURANCE -> socialInsurance();
            case LABOUR_CONTRACT -> labourContract();
            case GRIEVANCE -> grievance();
            case PSYCHOLOGICAL_COUNSELLING -> psychologicalCounselling();
            case OTHER -> other();
        };
        return own.orElse(defaultDays());
    }
}
