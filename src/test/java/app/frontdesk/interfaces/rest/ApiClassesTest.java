package app.frontdesk.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API lists its classes (so the console's pages are not scanned into /api as well): a resource or
 * provider left out of the list would silently not exist, and a filter left out would stop guarding.
 */
class ApiClassesTest {

    @Test
    void everyResourceAndProviderOfTheApiPackageIsListedByTheApplication() {
        Set<String> annotated = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.frontdesk.interfaces.rest").stream()
                .filter(c -> c.isAnnotatedWith(Path.class) || c.isAnnotatedWith(Provider.class))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = new FrontdeskApi().getClasses().stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(annotated, listed);
    }
}
