package noc.ingest.mib;

/** A problem the MIB parser reported, with where it is: the file, line and column. */
@io.micronaut.serde.annotation.Serdeable
public record MibProblem(String file, int line, int column, String severity, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity + ": " + message;
    }
}
