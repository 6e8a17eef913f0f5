package io.feiyan.intake.service;

import io.feiyan.intake.domain.Resident;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Decides who sees a resident's full phone and ID numbers; everyone else sees them masked. Lists and
 * searches always mask. Until identities exist (the access-control work), whoever asks for one
 * resident by id is shown the full record, and every such showing is logged: this is the one place
 * that rule lives, so scoping it by role and region changes nothing else.
 */
@ApplicationScoped
public class PersonalDataAccess {
    private static final Logger LOG = Logger.getLogger(PersonalDataAccess.class);

    public boolean mayReveal(Resident resident) {
        LOG.infof("full personal data of resident %s shown", resident.id);
        return true;
    }
}
