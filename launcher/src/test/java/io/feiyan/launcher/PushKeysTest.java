package io.feiyan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.servers.P256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushKeysTest {
    @Test
    void aDataFolderGetsItsKeysOnce_readableByItsOwnerOnly(@TempDir Path data) throws Exception {
        PushKeys made = PushKeys.in(data);

        assertEquals(made, PushKeys.in(data), "the same keys at every later start");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(PushKeys.file(data))));
        byte[] publicKey = P256.fromBase64url(made.publicKey());
        assertEquals(65, publicKey.length);
        assertEquals(0x04, publicKey[0], "uncompressed");
        assertEquals(32, P256.fromBase64url(made.privateKey()).length);
        P256.publicKey(publicKey);
    }
}
