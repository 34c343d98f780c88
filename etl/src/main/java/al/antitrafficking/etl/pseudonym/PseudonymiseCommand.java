package al.antitrafficking.etl.pseudonym;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.etl.ingest.Pseudonyms;
import al.antitrafficking.warehouse.progress.FailureText;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Region-side command: {@code --source=border --in=RAW.csv --out=border_AL-07_2025-03.csv
 * [--key-file=PATH] [--contract=conf/contract/v1.csv]}. The regional key comes from the key file or the
 * environment variable NRM_REGION_KEY, and never from git; without one the command stops with a clear error.
 */
public final class PseudonymiseCommand {
    private PseudonymiseCommand() {}

    public static void main(String[] args) {
        try {
            Map<String, String> a = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("Cannot read argument: " + arg + " (expected --key=value)");
                }
                a.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            for (String required : new String[] {"source", "in", "out"}) {
                if (!a.containsKey(required)) {
                    throw new IllegalArgumentException("Cannot pseudonymise: --" + required + "= is required");
                }
            }
            Source source = Source.fromCode(a.get("source")).orElseThrow(() ->
                    new IllegalArgumentException("Cannot pseudonymise: unknown source " + a.get("source")));
            Pseudonyms key = Pseudonyms.fromKey(Optional.ofNullable(a.get("key-file")).map(Path::of), "NRM_REGION_KEY", "regional");
            DataContract contract = DataContract.load(Path.of(a.getOrDefault("contract", "conf/contract/v1.csv")));
            int rows = new RegionExport(contract, key).convert(source, Path.of(a.get("in")), Path.of(a.get("out")));
            System.out.println("Wrote " + rows + " rows without identifiers to " + a.get("out"));
        } catch (RuntimeException e) {
            System.err.println("Pseudonymisation failed: " + FailureText.of(e));
            System.exit(1);
        }
    }
}
