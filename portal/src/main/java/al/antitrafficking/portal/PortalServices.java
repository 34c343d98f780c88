package al.antitrafficking.portal;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.portal.access.PortalSecurity;
import al.antitrafficking.warehouse.access.AccessRules;
import al.antitrafficking.warehouse.access.AuditTrail;
import al.antitrafficking.warehouse.access.Institutions;
import al.antitrafficking.warehouse.access.UserStore;
import al.antitrafficking.warehouse.forum.ForumStore;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.release.InternalAccess;
import al.antitrafficking.warehouse.release.PublishedReleases;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the portal is built over: the warehouse's published releases (every public figure is a cell of one), the
 * operational store's forums, accounts and audit trail (through their interfaces), the role × capability table, the
 * territory, a clock, the backup folder and how many backups to keep, and the network and sign-in settings.
 */
public record PortalServices(
        PublishedReleases releases,
        ForumStore forums,
        UserStore users,
        AuditTrail audit,
        AccessRules access,
        Territory territory,
        Clock clock,
        Path forumBackupDir,
        int forumBackupsKept,
        PortalSecurity security,
        InternalAccess internal,
        Institutions institutions,
        al.antitrafficking.portal.upload.Uploads uploads,
        al.antitrafficking.warehouse.reference.ValueLabels labels) {

    public PortalServices {
        requireNonNull(releases, "releases is null");
        requireNonNull(forums, "forums is null");
        requireNonNull(users, "users is null");
        requireNonNull(audit, "audit is null");
        requireNonNull(access, "access is null");
        requireNonNull(territory, "territory is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(forumBackupDir, "forumBackupDir is null");
        requireNonNull(security, "security is null");
        requireNonNull(internal, "internal is null");
        requireNonNull(institutions, "institutions is null");
        requireNonNull(uploads, "uploads is null");
        requireNonNull(labels, "labels is null");
    }
}
