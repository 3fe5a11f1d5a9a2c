package org.jslurm.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDbTest {

    @TempDir
    Path dir;

    private UserDb fileDb(String passwd, String group) throws Exception {
        Path p = dir.resolve("passwd");
        Path g = dir.resolve("group");
        Files.writeString(p, passwd);
        Files.writeString(g, group);
        return new UserDb(p, g, false);
    }

    @Test
    void parsesPasswdAndGroupFiles() throws Exception {
        UserDb db = fileDb("""
                # comment
                root:x:0:0:root:/root:/bin/bash

                alice:x:1001:1001:Alice,,,:/home/alice:/bin/zsh
                bob:x:1002:100::/home/bob:/bin/sh
                toor:x:0:0:second root:/root:/bin/sh
                alice:x:2001:2001:duplicate name, ignored:/nowhere:/bin/false
                +nisuser::::::
                broken line
                nobody:x:4294967294:4294967294:nfs nobody:/:/usr/sbin/nologin
                """, """
                root:x:0:
                users:x:100:alice
                alice:x:1001:
                wheel:x:10:bob, alice,root
                dev:x:2000:alice,bob,alice
                """);
        assertEquals(OptionalInt.of(1001), db.uidOf("alice"));
        assertEquals(OptionalInt.of(0), db.uidOf("toor"));
        assertEquals(Optional.of("root"), db.nameOf(0)); // the first entry of a uid wins
        assertEquals(OptionalInt.empty(), db.uidOf("carol"));
        assertEquals(OptionalInt.empty(), db.uidOf("+nisuser"));
        assertEquals(OptionalInt.empty(), db.uidOf(""));
        assertEquals(Optional.empty(), db.nameOf(4242));
        assertEquals(OptionalInt.of(-2), db.uidOf("nobody"));
        assertEquals(Optional.of("nobody"), db.nameOf(-2));

        assertEquals(100, db.primaryGid(1002));
        assertThrows(NoSuchElementException.class, () -> db.primaryGid(4242));
        assertEquals(Optional.of("/home/alice"), db.homeOf(1001));
        assertEquals(Optional.of("/bin/zsh"), db.shellOf(1001));
        assertEquals(Optional.empty(), db.homeOf(4242));

        assertEquals(OptionalInt.of(10), db.gidOf("wheel"));
        assertEquals(Optional.of("users"), db.groupName(100));
        assertEquals(OptionalInt.empty(), db.gidOf("nogroup"));
        assertEquals(List.of(1001, 100, 10, 2000), db.groupsOf("alice"));
        assertEquals(List.of(100, 10, 2000), db.groupsOf("bob"));
        assertEquals(List.of(), db.groupsOf("carol"));
    }

    @Test
    void rereadsFilesWhenTheyChange() throws Exception {
        UserDb db = fileDb("alice:x:1001:1001::/home/alice:/bin/sh\n", "alice:x:1001:\n");
        assertEquals(OptionalInt.empty(), db.uidOf("bob"));
        Files.writeString(dir.resolve("passwd"),
                "alice:x:1001:1001::/home/alice:/bin/sh\nbob:x:1002:1002::/home/bob:/bin/sh\n");
        assertEquals(OptionalInt.of(1002), db.uidOf("bob"));
        // Replaced by rename, as vipw and useradd do.
        Path tmp = dir.resolve("group.new");
        Files.writeString(tmp, "bobs:x:1002:\n");
        Files.move(tmp, dir.resolve("group"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(OptionalInt.of(1002), db.gidOf("bobs"));
        assertEquals(OptionalInt.empty(), db.gidOf("alice"));
        Files.delete(dir.resolve("passwd"));
        assertEquals(OptionalInt.empty(), db.uidOf("bob"));
    }

    @Test
    void systemDatabase() {
        UserDb db = UserDb.system();
        assertEquals(OptionalInt.of(0), db.uidOf("root"));
        assertEquals(Optional.of("root"), db.nameOf(0));
        assertEquals(OptionalInt.of(0), db.gidOf("root"));
        assertEquals(0, db.primaryGid(0));
        assertTrue(db.groupsOf("root").contains(0));
    }

    @Test
    void fallsBackToGetentForNamesNotInTheFiles() throws Exception {
        Path none = dir.resolve("missing");
        UserDb db = new UserDb(none, none, true);
        // getent consults the system's NSS, which knows root.
        assertEquals(OptionalInt.of(0), db.uidOf("root"));
        assertEquals(Optional.of("root"), db.nameOf(0));
        assertEquals(OptionalInt.of(0), db.gidOf("root"));
        assertEquals(Optional.of("root"), db.groupName(0));
        assertEquals(0, db.primaryGid(0));
        assertTrue(db.homeOf(0).isPresent());
        assertEquals(0, db.groupsOf("root").get(0));
        assertEquals(OptionalInt.empty(), db.uidOf("no-such-user-jslurm"));
        assertEquals(OptionalInt.empty(), db.uidOf("-s"));
        assertEquals(OptionalInt.empty(), db.uidOf("a:b"));
        // A numeric name is not taken for a uid.
        assertEquals(OptionalInt.empty(), db.uidOf("0"));
    }

    @Test
    void currentIdsAreTheKernelsEffectiveIds() throws Exception {
        Path f = Files.createFile(dir.resolve("owned"));
        assertEquals(Files.getAttribute(f, "unix:uid"), UserDb.currentUid());
        assertEquals(Files.getAttribute(f, "unix:gid"), UserDb.currentGid());
    }
}
