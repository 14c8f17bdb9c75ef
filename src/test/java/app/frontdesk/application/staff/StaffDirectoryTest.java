package app.frontdesk.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign-in, the first administrator and staff management, over the real databases. */
class StaffDirectoryTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void theFirstStartMakesOneAdministratorWithAGeneratedPasswordForTheOperatorOnly(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            StaffDirectory staff = gw.services.staff;
            Path secrets = gw.dataDir.resolve("secrets");
            String password = staff.ensureFirstAdmin("admin@frontdesk.test", Optional.empty(), secrets, Locale.ENGLISH).orElseThrow();
            assertEquals(password + "\n", Files.readString(secrets.resolve("admin-password")));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve("admin-password"))));
            assertTrue(password.length() >= 20, password);
            assertTrue(staff.ensureFirstAdmin("admin@frontdesk.test", Optional.empty(), secrets, Locale.ENGLISH).isEmpty(), "once");
            Viewer admin = assertInstanceOf(SignIn.Welcome.class, staff.signIn("admin@frontdesk.test", password, "127.0.0.1")).viewer();
            assertEquals(Set.of(StaffRole.ADMIN), admin.roles());
            assertInstanceOf(SignIn.Refused.class, staff.signIn("admin@frontdesk.test", password + "x", "127.0.0.1"));
            assertInstanceOf(SignIn.Refused.class, staff.signIn("nobody@frontdesk.test", password, "127.0.0.1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void onlyPbkdf2HashesAreStoredAndOnlyAnAdministratorAddsStaff(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            StaffDirectory staff = gw.services.staff;
            staff.ensureFirstAdmin("admin@frontdesk.test", Optional.of("configured-admin-pw"), gw.dataDir.resolve("secrets"), Locale.ENGLISH);
            assertFalse(Files.exists(gw.dataDir.resolve("secrets/admin-password")), "a configured password is not written anywhere");
            Viewer admin = ((SignIn.Welcome) staff.signIn("admin@frontdesk.test", "configured-admin-pw", "127.0.0.1")).viewer();
            Viewer olga = staff.create(admin, "Olga.Smirnova@frontdesk.test", "Ольга Смирнова", Set.of(StaffRole.MANAGER),
                    Locale.forLanguageTag("ru"), "olga-password-123");
            assertEquals("olga.smirnova@frontdesk.test", olga.email(), "the login is the address, in one spelling");
            assertThrows(SecurityException.class, () -> staff.create(olga, "eve@frontdesk.test", "Eve", Set.of(StaffRole.ADMIN),
                    Locale.ENGLISH, "eve-password-123"));
            assertThrows(IllegalArgumentException.class, () -> staff.create(admin, "olga.smirnova@frontdesk.test", "Olga 2",
                    Set.of(StaffRole.MANAGER), Locale.ENGLISH, "another-password"), "one account per address");
            assertThrows(IllegalArgumentException.class, () -> staff.create(admin, "short@frontdesk.test", "Short",
                    Set.of(StaffRole.MANAGER), Locale.ENGLISH, "short"), "at least 12 characters");
            assertInstanceOf(SignIn.Welcome.class, staff.signIn("OLGA.SMIRNOVA@frontdesk.test", "olga-password-123", "127.0.0.1"));

            List<String> stored = gw.db.inTransaction(r -> r.staff().list(10).stream().map(u -> u.passwordHash()).toList());
            assertEquals(2, stored.size());
            for (String h : stored) {
                assertTrue(h.matches("pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), h);
                assertFalse(h.contains("olga-password") || h.contains("configured-admin"), h);
            }
            assertEquals(1, (int) gw.db.inTransaction(r -> r.audit().about("staff", r.staff().findByEmail("olga.smirnova@frontdesk.test")
                    .orElseThrow().id()).size()), "the new user's creation is audited");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void theSixthAttemptAfterFiveWrongPasswordsIsRefusedWithoutCheckingThePassword(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            StaffDirectory staff = gw.services.staff;
            staff.ensureFirstAdmin("admin@frontdesk.test", Optional.of("configured-admin-pw"), gw.dataDir.resolve("secrets"), Locale.ENGLISH);
            for (int i = 0; i < 5; i++) {
                assertInstanceOf(SignIn.Refused.class, staff.signIn("admin@frontdesk.test", "guess-" + i, "198.51.100.7"));
            }
            SignIn.Throttled t = assertInstanceOf(SignIn.Throttled.class, staff.signIn("admin@frontdesk.test", "configured-admin-pw", "10.0.0.1"));
            assertEquals(gw.clock.instant().plusSeconds(15 * 60), t.until());
            gw.clock.advance(java.time.Duration.ofMinutes(15));
            assertInstanceOf(SignIn.Welcome.class, staff.signIn("admin@frontdesk.test", "configured-admin-pw", "10.0.0.1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void anAdministratorDisablesChangesRolesAndResetsPasswordsAndNobodyLocksTheLastAdministratorOut(String name, Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            StaffDirectory staff = gw.services.staff;
            staff.ensureFirstAdmin("admin@frontdesk.test", Optional.of("configured-admin-pw"), gw.dataDir.resolve("secrets"), Locale.ENGLISH);
            Viewer admin = ((SignIn.Welcome) staff.signIn("admin@frontdesk.test", "configured-admin-pw", "127.0.0.1")).viewer();
            Viewer olga = staff.create(admin, "olga@frontdesk.test", "Ольга", Set.of(StaffRole.MANAGER), Locale.ENGLISH, "olga-password-123");

            // disabled: no sign-in, and the session's next request finds nobody; enabled again: both work
            staff.setDisabled(admin, olga.userId(), true).orElseThrow();
            assertInstanceOf(SignIn.Refused.class, staff.signIn(olga.email(), "olga-password-123", "127.0.0.1"));
            assertTrue(staff.viewer(olga.email()).isEmpty(), "an open session of hers ends at its next request");
            staff.setDisabled(admin, olga.userId(), false).orElseThrow();
            assertInstanceOf(SignIn.Welcome.class, staff.signIn(olga.email(), "olga-password-123", "127.0.0.1"));

            // roles: counted at once, at least one, and not by a non-administrator
            staff.changeRoles(admin, olga.userId(), Set.of(StaffRole.MANAGER, StaffRole.LEAD)).orElseThrow();
            assertEquals(Set.of(StaffRole.MANAGER, StaffRole.LEAD), staff.viewer(olga.email()).orElseThrow().roles());
            assertEquals(StaffChangeRefused.Why.NO_ROLE, assertThrows(StaffChangeRefused.class,
                    () -> staff.changeRoles(admin, olga.userId(), Set.of())).why());
            assertThrows(SecurityException.class, () -> staff.changeRoles(olga, olga.userId(), Set.of(StaffRole.ADMIN)));
            assertThrows(SecurityException.class, () -> staff.setDisabled(olga, admin.userId(), true));
            assertThrows(SecurityException.class, () -> staff.resetPassword(olga, admin.userId(), "olga-owns-admin-now"));
            assertTrue(staff.changeRoles(admin, 999_999, Set.of(StaffRole.MANAGER)).isEmpty(), "nobody by that id");

            // the last administrator stays one, and nobody disables themselves
            assertEquals(StaffChangeRefused.Why.LAST_ADMINISTRATOR, assertThrows(StaffChangeRefused.class,
                    () -> staff.changeRoles(admin, admin.userId(), Set.of(StaffRole.LEAD))).why());
            assertEquals(StaffChangeRefused.Why.NOT_YOURSELF, assertThrows(StaffChangeRefused.class,
                    () -> staff.setDisabled(admin, admin.userId(), true)).why());
            assertEquals(Set.of(StaffRole.ADMIN), staff.viewer(admin.email()).orElseThrow().roles());

            // a password the administrator chose, then a generated one: shown once, stored only as PBKDF2
            assertEquals("olga-new-password-1", staff.resetPassword(admin, olga.userId(), "olga-new-password-1").orElseThrow());
            assertInstanceOf(SignIn.Refused.class, staff.signIn(olga.email(), "olga-password-123", "127.0.0.2"));
            assertInstanceOf(SignIn.Welcome.class, staff.signIn(olga.email(), "olga-new-password-1", "127.0.0.2"));
            assertEquals(StaffChangeRefused.Why.PASSWORD_TOO_SHORT, assertThrows(StaffChangeRefused.class,
                    () -> staff.resetPassword(admin, olga.userId(), "short")).why());
            String generated = staff.resetPassword(admin, olga.userId(), "").orElseThrow();
            assertTrue(generated.length() >= 20, generated);
            assertInstanceOf(SignIn.Welcome.class, staff.signIn(olga.email(), generated, "127.0.0.2"));
            String hash = gw.db.inTransaction(r -> r.staff().find(olga.userId()).orElseThrow().passwordHash());
            assertTrue(hash.startsWith("pbkdf2-sha256$600000$") && !hash.contains(generated), hash);

            List<String> audited = gw.db.inTransaction(r -> r.audit().about("staff", olga.userId())).stream().map(e -> e.action()).toList();
            assertTrue(audited.containsAll(List.of("staff-created", "staff-disabled", "staff-enabled", "staff-roles-changed",
                    "staff-password-reset")), audited.toString());
            assertFalse(gw.db.inTransaction(r -> r.audit().about("staff", olga.userId())).stream()
                    .anyMatch(e -> e.detail().contains(generated) || e.detail().contains("olga-new-password-1")), "no password in the log");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void everyoneChangesTheirOwnPasswordGivingTheCurrentOneAndGuessesAreThrottled(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            StaffDirectory staff = gw.services.staff;
            staff.ensureFirstAdmin("admin@frontdesk.test", Optional.of("configured-admin-pw"), gw.dataDir.resolve("secrets"), Locale.ENGLISH);
            Viewer admin = ((SignIn.Welcome) staff.signIn("admin@frontdesk.test", "configured-admin-pw", "127.0.0.1")).viewer();
            Viewer olga = staff.create(admin, "olga@frontdesk.test", "Ольга", Set.of(StaffRole.MANAGER), Locale.ENGLISH, "olga-password-123");

            assertEquals(StaffChangeRefused.Why.WRONG_PASSWORD, assertThrows(StaffChangeRefused.class,
                    () -> staff.changeOwnPassword(olga, "not-her-password", "olga-password-456", "192.0.2.1")).why());
            assertEquals(StaffChangeRefused.Why.PASSWORD_TOO_SHORT, assertThrows(StaffChangeRefused.class,
                    () -> staff.changeOwnPassword(olga, "olga-password-123", "short", "192.0.2.1")).why());
            staff.changeOwnPassword(olga, "olga-password-123", "olga-password-456", "192.0.2.1");
            assertInstanceOf(SignIn.Refused.class, staff.signIn(olga.email(), "olga-password-123", "192.0.2.1"));
            assertInstanceOf(SignIn.Welcome.class, staff.signIn(olga.email(), "olga-password-456", "192.0.2.1"));
            assertTrue(gw.db.inTransaction(r -> r.audit().about("staff", olga.userId())).stream().anyMatch(e -> e.action().equals("password-changed")
                    && e.actor().equals(olga.email())), "audited");

            // wrong current passwords count with the sign-in throttle: the form is no way round it
            for (int i = 0; i < 5; i++) {
                assertThrows(StaffChangeRefused.class, () -> staff.changeOwnPassword(olga, "guess", "olga-password-789", "192.0.2.9"));
            }
            assertEquals(StaffChangeRefused.Why.THROTTLED, assertThrows(StaffChangeRefused.class,
                    () -> staff.changeOwnPassword(olga, "olga-password-456", "olga-password-789", "192.0.2.9")).why());
            assertInstanceOf(SignIn.Throttled.class, staff.signIn(olga.email(), "olga-password-456", "192.0.2.10"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aChangedOrResetPasswordEndsThePersonsOtherSessionsButNotTheOneThatChangedIt(String name, Supplier<DatabaseSettings> db)
            throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            StaffDirectory staff = gw.services.staff;
            staff.ensureFirstAdmin("admin@frontdesk.test", Optional.of("configured-admin-pw"), gw.dataDir.resolve("secrets"), Locale.ENGLISH);
            Viewer admin = ((SignIn.Welcome) staff.signIn("admin@frontdesk.test", "configured-admin-pw", "127.0.0.1")).viewer();
            Viewer olga = staff.create(admin, "olga@frontdesk.test", "Ольга", Set.of(StaffRole.MANAGER), Locale.ENGLISH, "olga-password-123");
            String laptop = ((SignIn.Welcome) staff.signIn(olga.email(), "olga-password-123", "192.0.2.1")).credentials();
            String phone = ((SignIn.Welcome) staff.signIn(olga.email(), "olga-password-123", "192.0.2.2")).credentials();
            assertTrue(staff.viewer(olga.email(), laptop).isPresent() && staff.viewer(olga.email(), phone).isPresent(), "both open");

            String changedOnLaptop = staff.changeOwnPassword(olga, "olga-password-123", "olga-password-456", "192.0.2.1");
            assertTrue(staff.viewer(olga.email(), changedOnLaptop).isPresent(), "the session that changed it goes on");
            assertTrue(staff.viewer(olga.email(), phone).isEmpty(), "the other one ends at its next request");
            assertTrue(staff.viewer(olga.email(), laptop).isEmpty(), "so does the stamp the laptop had before");
            assertTrue(staff.viewer(olga.email(), null).isPresent(), "an identity provider's session has no stamp to check");

            staff.resetPassword(admin, olga.userId(), "");
            assertTrue(staff.viewer(olga.email(), changedOnLaptop).isEmpty(), "an administrator's reset ends every session of hers");
            staff.resetPassword(admin, olga.userId(), "olga-password-456");
            assertTrue(staff.viewer(olga.email(), changedOnLaptop).isEmpty(), "even back to the same password: a new hash, a new stamp");
        }
    }
}
