package io.jasyncio.samples.db;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The password exchanges against published vectors; the live logins are in {@link PgConnectionTest}. */
class ScramTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void followsTheRfc7677Example() {
        Scram scram = new Scram("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        assertEquals("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", text(scram.clientFirstMessage()));
        byte[] clientFinal = scram.clientFinalMessage(bytes(
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
        assertEquals("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", text(clientFinal));
        scram.verifyServerFinal(bytes("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
    }

    @Test
    void rejectsAServerThatDoesNotKnowThePassword() {
        Scram scram = new Scram("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        scram.clientFinalMessage(bytes("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
        PgProtocolException e = assertThrows(PgProtocolException.class,
                () -> scram.verifyServerFinal(bytes("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")));
        assertTrue(e.getMessage().contains("does not know the password"), e.getMessage());
    }

    @Test
    void rejectsANonceTheServerDidNotExtend() {
        Scram scram = new Scram("", "pencil", "abc");
        PgProtocolException e = assertThrows(PgProtocolException.class,
                () -> scram.clientFinalMessage(bytes("r=xyz123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096")));
        assertEquals("SCRAM: the server's nonce does not extend ours", e.getMessage());
    }

    @Test
    void hashesMd5PasswordsAsTheServerDoes() {
        // "md5" + md5hex(md5hex(password + user) + salt), computed independently with Python's hashlib
        assertEquals("md52e1754b60a22ecba4ae45076ec455780",
                Scram.md5Password("jasyncio_md5", "md5-secret", new byte[] {1, 2, 3, 4}));
    }
}
