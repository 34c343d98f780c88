package al.antitrafficking.portal.reference;

import al.antitrafficking.warehouse.access.Institutions;
import al.antitrafficking.warehouse.forum.ActionStatus;
import al.antitrafficking.warehouse.release.PublishedReleases;
import al.antitrafficking.warehouse.reference.Territory;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/** The lists forms choose from: counties, municipalities, indicators with trends, action statuses, responsible institutions. */
public final class ReferenceController {
    private final Territory territory;
    private final PublishedReleases releases;
    private final Institutions institutions;

    public ReferenceController(Territory territory, PublishedReleases releases, Institutions institutions) {
        this.territory = territory;
        this.releases = releases;
        this.institutions = institutions;
    }

    public record Place(String code, String name, String countyCode) {}

    public record Reference(List<Place> counties, List<Place> municipalities, Set<String> indicators, List<ActionStatus> statuses,
                            List<Institutions.Institution> institutions) {}

    public void show(Context ctx) {
        ctx.json(new Reference(
                territory.counties().stream().map(c -> new Place(c.code(), c.name(), c.code())).toList(),
                territory.municipalities().stream().map(m -> new Place(m.code(), m.name(), m.countyCode())).toList(),
                releases.current().trendIndicators(),
                List.of(ActionStatus.values()),
                institutions.all()));
    }
}
