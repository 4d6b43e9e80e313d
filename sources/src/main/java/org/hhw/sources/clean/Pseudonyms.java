package org.hhw.sources.clean;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms for resident IDs: HMAC-SHA256 under a secret key kept outside the warehouse,
 * so the warehouse can link a person's rows without holding a value that can be reversed by
 * hashing all possible ID numbers.
 */
public final class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    /** The one rule for a key, whichever setting or file gives it: 32 bytes or more, as hex. */
    private static final int MIN_KEY_BYTES = 32;

    private static final Pattern HEX_DIGITS = Pattern.compile("[0-9a-fA-F]*");
    private static final Pattern HEX_KEY = Pattern.compile("(?:[0-9a-fA-F]{2}){" + MIN_KEY_BYTES + ",}");
    private static final HexFormat HEX_FORMAT = HexFormat.of();

    private final ThreadLocal<Mac> macs;

    public Pseudonyms(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), ALGORITHM);
        macs = ThreadLocal.withInitial(() -> newMac(spec));
    }

    /** Lowercase hex HMAC-SHA256 of the 18-character ID (UTF-8). */
    public String personIdHash(String id18) {
        // doFinal resets the Mac, so the thread's instance is ready for the next ID.
        return HEX_FORMAT.formatHex(macs.get().doFinal(id18.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A key as an operator writes it, checked by the one rule for every source of the key: at least
     * 32 bytes, written as hex (64 or more hex digits, surrounding blanks ignored). A shorter key
     * makes pseudonyms that can be guessed; the error names where the key came from but never shows it.
     *
     * @param origin the setting or file that gave the key, for the error
     * @throws IllegalArgumentException when the text is not such a key
     */
    public static byte[] parseKey(String text, String origin) {
        String key = text.strip();
        if (!HEX_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(origin + " is not a pseudonym key: it must be at least " + MIN_KEY_BYTES
                    + " bytes written as hex, an even number, 64 or more, of the digits 0-9 and a-f (e.g. what "
                    + "`openssl rand -hex " + MIN_KEY_BYTES + "` prints), but holds " + key.length() + " characters"
                    + (HEX_DIGITS.matcher(key).matches() ? "" : ", not all of them hex digits"));
        }
        return HEX_FORMAT.parseHex(key);
    }

    /**
     * The key in {@code keyFile} (checked as {@link #parseKey}), or a new random 32-byte key written there
     * as hex, readable by the owner only where the file system has POSIX permissions. Losing the
     * file means every pseudonym changes, so it must be backed up with the warehouse.
     */
    public static byte[] loadOrCreateKey(Path keyFile) throws IOException {
        if (Files.exists(keyFile)) {
            return readKey(keyFile);
        }
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path parent = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            Files.createFile(keyFile, ownerOnly(parent));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return readKey(keyFile);
        }
        Files.writeString(keyFile, HEX_FORMAT.formatHex(key) + "\n", StandardCharsets.US_ASCII);
        return key;
    }

    private static byte[] readKey(Path keyFile) throws IOException {
        return parseKey(Files.readString(keyFile, StandardCharsets.ISO_8859_1), "the key file " + keyFile);
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
