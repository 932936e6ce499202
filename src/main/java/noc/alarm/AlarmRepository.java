package noc.alarm;

import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AlarmRepository extends GenericRepository<AlarmRow, Long> {


    List<AlarmRow> findByTicketReferenceOrderByFirstSeen(String ticketReference);
}
