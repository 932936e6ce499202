package noc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The role names the bodies' constraints accept are the enum's, each written once. */
class RoleTest {

    @Test
    void aUserMayBeGivenEveryRoleAndNothingElse() {
        assertThat(Role.ids()).containsExactlyElementsOf(Arrays.stream(Role.values()).map(Role::id).toList());
        assertThat(Role.ids()).allSatisfy(id -> assertThat(id).matches(Role.USER_ROLES_PATTERN));
        assertThat(Role.USER_ROLES_PATTERN.split("\\|")).containsExactlyInAnyOrderElementsOf(Role.ids());
    }

    @Test
    void aTokenMayHoldEveryRoleButCustomer() {
        assertThat(Role.tokenIds()).doesNotContain(Role.CUSTOMER_NAME).hasSize(Role.values().length - 1);
        assertThat(Role.TOKEN_ROLES_PATTERN.split("\\|")).containsExactlyInAnyOrderElementsOf(Role.tokenIds());
        assertThat(Role.CUSTOMER_NAME).doesNotMatch(Role.TOKEN_ROLES_PATTERN);
    }

    @Test
    void eachNameConstantIsItsRolesId() {
        assertThat(Role.of(Role.VIEWER_NAME)).contains(Role.VIEWER);
        assertThat(Role.of(Role.OPERATOR_NAME)).contains(Role.OPERATOR);
        assertThat(Role.of(Role.RULES_NAME)).contains(Role.RULES);
        assertThat(Role.of(Role.ADMIN_NAME)).contains(Role.ADMIN);
        assertThat(Role.of(Role.INTAKE_NAME)).contains(Role.INTAKE);
        assertThat(Role.of(Role.METRICS_NAME)).contains(Role.METRICS);
        assertThat(Role.of(Role.CUSTOMER_NAME)).contains(Role.CUSTOMER);
    }
}
