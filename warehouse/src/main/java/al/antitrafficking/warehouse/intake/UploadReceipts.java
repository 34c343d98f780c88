package al.antitrafficking.warehouse.intake;

import java.util.List;

/** The receipts of files sent through the portal: added, never changed; read per county, newest first. */
public interface UploadReceipts {
    /** Keeps a receipt; its {@code id} and {@code receivedAt} are given here. */
    UploadReceipt save(UploadReceipt receipt);

    List<UploadReceipt> newest(String countyCode, int limit);

    /** Whether this exact file (name and checksum) was accepted through the portal. */
    boolean accepted(String fileName, String checksum);
}
