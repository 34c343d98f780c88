package al.antitrafficking.warehouse.forum;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/** A local forum: when and where it met, who organised it, why, who took part and what it found. */
public record Forum(
        long id,
        LocalDate heldOn,
        String municipalityCode,
        String title,
        String context,
        List<String> organisers,
        List<String> objectives,
        List<String> institutions,
        List<String> findings,
        String sourceNote,
        int version,
        String updatedAt,
        String updatedBy) {

    public Forum {
        requireNonNull(heldOn, "heldOn is null");
        requireNonNull(municipalityCode, "municipalityCode is null");
        requireNonNull(title, "title is null");
        requireNonNull(context, "context is null");
        organisers = List.copyOf(organisers);
        objectives = List.copyOf(objectives);
        institutions = List.copyOf(institutions);
        findings = List.copyOf(findings);
    }
}
