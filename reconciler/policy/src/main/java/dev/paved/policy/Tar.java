package dev.paved.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Just enough of the gzip'd tar format for bundles: regular files only, names under 100 bytes. What it writes is
 * byte-for-byte the same for the same files (no timestamps, owners or modes that vary); what it reads is checked
 * (header checksums, sizes, a truncated archive), so a damaged bundle is an {@link IOException}, not garbage.
 */
final class Tar {

    private static final int BLOCK = 512;

    private Tar() {
    }

    /** Name (a leading '/' removed) → content of the archive's regular files; none may exceed {@code maxBytes}. */
    static Map<String, byte[]> read(InputStream compressed, long maxBytes) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(compressed)) {
            byte[] header = new byte[BLOCK];
            while (true) {
                int read = in.readNBytes(header, 0, BLOCK);
                if (read == 0 || read == BLOCK && isZero(header)) {
                    in.transferTo(OutputStream.nullOutputStream()); // to the end, where gzip checks its CRC
                    return files;
                }
                if (read < BLOCK) {
                    throw new IOException("truncated tar header");
                }
                checkChecksum(header);
                String name = field(header, 0, 100).replaceFirst("^/", "");
                long size = octal(header, 124, 12);
                if (size < 0 || size > maxBytes) {
                    throw new IOException("entry " + name + " is " + size + " bytes, over the limit of " + maxBytes);
                }
                byte[] content = in.readNBytes((int) size);
                if (content.length != size) {
                    throw new IOException("entry " + name + " is truncated");
                }
                if (header[156] == '0' || header[156] == 0) {
                    files.put(name, content);
                }
                in.readNBytes((int) ((BLOCK - size % BLOCK) % BLOCK));
            }
        }
    }

    /** Writes the files, in the map's order, as a gzip'd tar. */
    static void write(Map<String, byte[]> files, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            gzip.write(header(file.getKey(), file.getValue().length));
            gzip.write(file.getValue());
            gzip.write(new byte[(BLOCK - file.getValue().length % BLOCK) % BLOCK]);
        }
        gzip.write(new byte[2 * BLOCK]);
        gzip.finish();
    }

    static byte[] write(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(files, out);
        return out.toByteArray();
    }

    private static byte[] header(String name, long size) {
        byte[] header = new byte[BLOCK];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length >= 100) {
            throw new IllegalArgumentException("tar entry name too long: " + name);
        }
        put(header, 0, nameBytes);
        put(header, 100, "0000644\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 108, "0000000\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 116, "0000000\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 124, String.format("%011o\0", size).getBytes(StandardCharsets.US_ASCII));
        put(header, 136, "00000000000\0".getBytes(StandardCharsets.US_ASCII));
        header[156] = '0';
        put(header, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 263, "00".getBytes(StandardCharsets.US_ASCII));
        put(header, 148, String.format("%06o\0 ", checksum(header)).getBytes(StandardCharsets.US_ASCII));
        return header;
    }

    /** The sum of the header's bytes with the checksum field counted as spaces. */
    private static long checksum(byte[] header) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        return sum;
    }

    private static void checkChecksum(byte[] header) throws IOException {
        if (octal(header, 148, 8) != checksum(header)) {
            throw new IOException("not a tar archive (bad header checksum)");
        }
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        String text = field(header, offset, length).strip();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("not a tar archive (bad number in header)");
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void put(byte[] header, int offset, byte[] value) {
        System.arraycopy(value, 0, header, offset, value.length);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
