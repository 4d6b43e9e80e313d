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
import java.util.Base64;
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
    private static final int NEW_KEY_BYTES = 32;
    private static final int MIN_KEY_BYTES = 16;
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");
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
     * The key in {@code keyFile} (hex or base64 text), or a new random 32-byte key written there
     * as hex, readable by the owner only where the file system has POSIX permissions. Losing the
     * file means every pseudonym changes, so it must be backed up with the warehouse.
     */
    public static byte[] loadOrCreateKey(Path keyFile) throws IOException {
        if (Files.exists(keyFile)) {
            return readKey(keyFile);
        }
        byte[] key = new byte[NEW_KEY_BYTES];
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
        String text = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        byte[] key;
        if (HEX.matcher(text).matches()) {
            key = HEX_FORMAT.parseHex(text);
        } else {
            try {
                key = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IOException("key file " + keyFile + " holds neither hex nor base64", e);
            }
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IOException("key file " + keyFile + " holds " + key.length + " bytes, need at least "
                    + MIN_KEY_BYTES);
        }
        return key;
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
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
