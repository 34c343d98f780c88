package al.antitrafficking.portal;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.forum.ForumStore;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.release.PublishedReleases;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the portal is built over: the warehouse's published releases (every public figure is a cell of one), the forum
 * store, the territory, a clock, the backup folder.
 */
public record PortalServices(
        PublishedReleases releases,
        ForumStore forums,
        Territory territory,
        Clock clock,
        Path forumBackupDir) {

    public PortalServices {
        requireNonNull(releases, "releases is null");
        requireNonNull(forums, "forums is null");
        requireNonNull(territory, "territory is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(forumBackupDir, "forumBackupDir is null");
    }
}
