package al.antitrafficking.warehouse.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do in the portal. Roles get capabilities from {@code conf/access/roles.csv}; every route of the
 * portal names the one it needs. Capabilities ending in {@code _COUNTY} or {@code _INSTITUTION} act only within the
 * account's county or institution.
 */
public enum Capability {
    /** The public release: every visitor, signed in or not. */
    VIEW_PUBLIC,
    /** Forums and their actions, notes and history, and the action exports. */
    VIEW_ACTIONS,
    /** Unsuppressed figures from the published snapshot's facts, with a banner on every page that shows them. */
    VIEW_INTERNAL_FIGURES,
    /**
     * The international returns (UNODC GLOTIP, Eurostat, SDG 16.2.2) unsuppressed, as files marked internal, for
     * submission to those bodies: the ministry statistician.
     */
    SUBMIT_INTERNATIONAL_RETURNS,
    /** The unsuppressed completeness report and the ingestion report of each regional file. */
    VIEW_INGESTION_REPORTS,
    /** Create and edit forums and actions of any county, move them through every status. */
    EDIT_ACTIONS_ANY,
    /** Create and edit forums and actions of the account's own county. */
    EDIT_ACTIONS_COUNTY,
    /** Edit the actions the account's institution is responsible for: progress notes and status, not the text. */
    EDIT_ACTIONS_INSTITUTION,
    /** Move an action to "integrated into the NRM plan" (the coordinator's office). */
    INTEGRATE_ACTIONS,
    /** Send the regional files of the account's own county through the portal. */
    UPLOAD_FILES_COUNTY,
    /** Take a backup of the operational store. */
    TAKE_BACKUPS,
    /** Create accounts, change roles, disable accounts, reset passwords. */
    MANAGE_USERS,
    /** Read and export the audit trail. */
    READ_AUDIT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Capability> of(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
