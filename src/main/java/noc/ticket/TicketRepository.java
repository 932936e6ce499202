package noc.ticket;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TicketRepository extends GenericRepository<TicketRow, String> {

    Optional<TicketRow> findById(String reference);

    List<TicketRow> findByStatusNotEqualOrderByOpenedAtDesc(String status);

    @Query("SELECT year, last_value FROM ticket_reference_counter")
    List<ReferenceCounter> referenceCounters();
}
