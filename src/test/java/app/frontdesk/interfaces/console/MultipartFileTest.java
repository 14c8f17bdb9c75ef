package app.frontdesk.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFileTest {

    @Test
    void theNamedFilePartIsReturnedByteForByteWhateverItHolds() {
        byte[] file = "external_id,amount\r\n--not-the-boundary\r\nп1,100.00\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = concat("--XyZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nvalue\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.csv\"\r\nContent-Type: text/csv\r\n\r\n", file,
                "\r\n--XyZ--\r\n");
        assertArrayEquals(file, MultipartFile.part(body, "multipart/form-data; boundary=XyZ", "file").orElseThrow());
        assertArrayEquals(file, MultipartFile.part(body, "multipart/form-data; boundary=\"XyZ\"", "file").orElseThrow());
    }

    @Test
    void noSuchPartNoBoundaryOrATruncatedBodyIsNothing() {
        byte[] body = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII);
        assertTrue(MultipartFile.part(body, "multipart/form-data; boundary=b", "file").isEmpty());
        assertTrue(MultipartFile.part(body, "multipart/form-data", "x").isEmpty());
        assertTrue(MultipartFile.part("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end".getBytes(StandardCharsets.US_ASCII),
                "multipart/form-data; boundary=b", "file").isEmpty());
    }

    private static byte[] concat(String a, byte[] b, String c) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] z = c.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[x.length + b.length + z.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(b, 0, out, x.length, b.length);
        System.arraycopy(z, 0, out, x.length + b.length, z.length);
        return out;
    }
}
