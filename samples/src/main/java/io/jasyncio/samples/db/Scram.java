package io.jasyncio.samples.db;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL uses it, without channel
 * binding: client-first, then client-final with the proof, then a check of the server's signature,
 * so a server that does not know the password is caught too. Also md5's password hash.
 * <p>
 * The password is used as its UTF-8 bytes, without SASLprep: the same as SASLprep for ASCII
 * passwords, and what the server falls back to for passwords SASLprep rejects.
 */
final class Scram {
    static final String MECHANISM = "SCRAM-SHA-256";
    private static final String GS2_HEADER = "n,,";   // no channel binding, no authzid

    private final byte[] password;
    private final String clientFirstBare;
    private final String clientNonce;
    private byte[] expectedServerSignature;

    /** PostgreSQL ignores the SCRAM user name (it has the startup message's): pass "". */
    Scram(String user, String password) {
        this(user, password, randomNonce());
    }

    /** With a given nonce: for the RFC's test vectors. */
    Scram(String user, String password, String clientNonce) {
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.clientNonce = clientNonce;
        this.clientFirstBare = "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
    }

    byte[] clientFirstMessage() {
        return (GS2_HEADER + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /** Answers the server-first message ({@code r=...,s=...,i=...}) with the client-final one. */
    byte[] clientFinalMessage(byte[] serverFirstBytes) {
        String serverFirst = new String(serverFirstBytes, StandardCharsets.UTF_8);
        String nonce = attribute(serverFirst, 'r');
        byte[] salt = Base64.getDecoder().decode(attribute(serverFirst, 's'));
        int iterations = Integer.parseInt(attribute(serverFirst, 'i'));
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new PgProtocolException("SCRAM: the server's nonce does not extend ours");
        }
        if (iterations < 1) {
            throw new PgProtocolException("SCRAM: bad iteration count " + iterations);
        }
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII))
                + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;

        byte[] saltedPassword = hi(password, salt, iterations);
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] storedKey = sha256(clientKey);
        byte[] clientSignature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        expectedServerSignature = hmac(hmac(saltedPassword, "Server Key"), authMessage);
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /** Checks the server-final message ({@code v=...}): the server proves it knows the password too. */
    void verifyServerFinal(byte[] serverFinalBytes) {
        String serverFinal = new String(serverFinalBytes, StandardCharsets.UTF_8);
        if (serverFinal.startsWith("e=")) {
            throw new PgProtocolException("SCRAM: the server refused: " + serverFinal.substring(2));
        }
        if (expectedServerSignature == null) {
            throw new PgProtocolException("SCRAM: server-final before server-first");
        }
        byte[] signature = Base64.getDecoder().decode(attribute(serverFinal, 'v'));
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new PgProtocolException("SCRAM: the server's signature is wrong: it does not know the password");
        }
    }

    /** md5 authentication: {@code "md5" + md5hex(md5hex(password + user) + salt)}. */
    static String md5Password(String user, String password, byte[] salt) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            String inner = HexFormat.of().formatHex(md5.digest((password + user).getBytes(StandardCharsets.UTF_8)));
            md5.update(inner.getBytes(StandardCharsets.US_ASCII));
            md5.update(salt);
            return "md5" + HexFormat.of().formatHex(md5.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no MD5", e);
        }
    }

    private static String attribute(String message, char name) {
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        throw new PgProtocolException("SCRAM: no '" + name + "' attribute in \"" + message + "\"");
    }

    /** RFC 5802's Hi(): PBKDF2 with HMAC-SHA-256 and one block, over the password's bytes as they are. */
    private static byte[] hi(byte[] password, byte[] salt, int iterations) {
        Mac mac = mac(password);
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    private static byte[] hmac(byte[] key, String data) {
        return mac(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA256", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private static String randomNonce() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
