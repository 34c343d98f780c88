package al.antitrafficking.warehouse.forum;

import al.antitrafficking.warehouse.intake.UploadReceipt;
import al.antitrafficking.warehouse.intake.UploadReceipts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** {@link UploadReceipts} in the operational store's file: INSERT only, numbered under the store's write lock. */
final class DuckDbUploadReceipts implements UploadReceipts {
    private final DuckDbForumStore store;
    private final Clock clock;

    DuckDbUploadReceipts(DuckDbForumStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public UploadReceipt save(UploadReceipt r) {
        return store.write(c -> {
            UploadReceipt saved = r.withId(DuckDbForumStore.nextId(c, "upload_receipt"), clock.instant().toString());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO upload_receipt VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, saved.id());
                p.setString(2, saved.receivedAt());
                p.setString(3, saved.username());
                p.setString(4, saved.countyCode());
                p.setString(5, saved.fileName());
                p.setString(6, saved.source());
                p.setString(7, saved.month());
                p.setLong(8, saved.sizeBytes());
                p.setString(9, saved.checksum());
                p.setLong(10, saved.rowsIn());
                p.setString(11, saved.encoding());
                p.setString(12, saved.outcome().name());
                p.setString(13, saved.problem());
                p.setString(14, saved.detail());
                p.setBoolean(15, saved.replacedEarlier());
                p.executeUpdate();
            }
            return saved;
        });
    }

    @Override
    public List<UploadReceipt> newest(String countyCode, int limit) {
        return store.read(c -> {
            List<UploadReceipt> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, received_at, username, county_code, file_name, source, month, size_bytes, "
                    + "checksum, rows_in, encoding, outcome, problem, detail, replaced_earlier FROM upload_receipt WHERE county_code = ? "
                    + "ORDER BY id DESC LIMIT ?")) {
                p.setString(1, countyCode);
                p.setInt(2, Math.max(0, limit));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new UploadReceipt(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getLong(10), rs.getString(11),
                                UploadReceipt.Outcome.valueOf(rs.getString(12)), rs.getString(13), rs.getString(14), rs.getBoolean(15)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean accepted(String fileName, String checksum) {
        return store.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM upload_receipt WHERE file_name = ? AND checksum = ? "
                    + "AND outcome = 'ACCEPTED'")) {
                p.setString(1, fileName);
                p.setString(2, checksum);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        });
    }
}
