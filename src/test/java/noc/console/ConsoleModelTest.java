package noc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The top bar's sections follow the person's roles, and the page's own section is marked. */
class ConsoleModelTest {

    @Test
    void aViewerSeesTheStaffSectionsButNotRulesOrAdmin() {
        List<ConsoleModel.Link> links = ConsoleModel.links(Set.of("viewer"), "/tickets/INC-2026-000001");

        assertThat(links).extracting(ConsoleModel.Link::path).containsExactly("/", "/tickets", "/maintenance", "/inventory");
        assertThat(links).filteredOn(ConsoleModel.Link::current).extracting(ConsoleModel.Link::path)
                .containsExactly("/tickets");
    }

    @Test
    void anAdminSeesEveryStaffSectionAndTheBoardIsCurrentOnlyOnItsOwnPath() {
        List<ConsoleModel.Link> links = ConsoleModel.links(Set.of("admin", "operator", "rules", "viewer"), "/rules/files/10-x.drl");

        assertThat(links).extracting(ConsoleModel.Link::path)
                .containsExactly("/", "/tickets", "/maintenance", "/inventory", "/rules", "/admin");
        assertThat(links).filteredOn(ConsoleModel.Link::current).extracting(ConsoleModel.Link::path).containsExactly("/rules");
    }

    @Test
    void aCustomerSeesOnlyThePortal() {
        assertThat(ConsoleModel.links(Set.of("customer"), "/portal/declare")).containsExactly(
                new ConsoleModel.Link("/portal", "nav.portal", true));
    }
}
