package noc.ticket;

import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface JournalRepository extends GenericRepository<JournalRow, Long> {

    List<JournalRow> findByTicketReferenceOrderById(String ticketReference);

    List<JournalRow> findByTicketReferenceAndVisibilityOrderById(String ticketReference, String visibility);
}
