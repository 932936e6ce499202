/**
 * The inventory, kept in MariaDB (collectors route by the directory topic instead). A collector
 * ({@code noc.role: collector}) owns no database, so it has none of this package's beans
 * (docs/cluster-design.md, "Collector").
 */
@Configuration
@Requires(condition = Roles.OwnsDatabase.class)
package noc.inventory;

import io.micronaut.context.annotation.Configuration;
import io.micronaut.context.annotation.Requires;
import noc.cluster.Roles;
