package al.antitrafficking.warehouse.access;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The role × capability table ({@code conf/access/roles.csv}): what each role may do. */
public final class AccessRules {
    private final Map<Role, Set<Capability>> capabilities;

    public AccessRules(Map<Role, Set<Capability>> capabilities) {
        EnumMap<Role, Set<Capability>> copy = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            copy.put(role, Set.copyOf(capabilities.getOrDefault(role, Set.of())));
        }
        this.capabilities = copy;
    }

    public static AccessRules load(Path file) {
        Map<Role, Set<Capability>> table = new EnumMap<>(Role.class);
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                Role role = Role.of(r.get("role").strip()).orElseThrow(() -> new IllegalStateException("Cannot read " + file
                        + " line " + r.getRecordNumber() + ": unknown role " + r.get("role")));
                Capability capability = Capability.of(r.get("capability").strip()).orElseThrow(() -> new IllegalStateException(
                        "Cannot read " + file + " line " + r.getRecordNumber() + ": unknown capability " + r.get("capability")));
                table.computeIfAbsent(role, k -> EnumSet.noneOf(Capability.class)).add(capability);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return new AccessRules(table);
    }

    public Set<Capability> of(Role role) {
        return capabilities.get(role);
    }

    /** What an anonymous visitor may do: the public release only. */
    public Set<Capability> anonymous() {
        return Set.of(Capability.VIEW_PUBLIC);
    }

    public boolean allows(Role role, Capability capability) {
        return capabilities.get(role).contains(capability);
    }
}
