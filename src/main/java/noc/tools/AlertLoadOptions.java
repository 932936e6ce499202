package noc.tools;

/**
 * The options of {@link AlertLoadGenerator}.
 *
 * @param seconds         how long to send (the last request's answer is awaited after it)
 * @param requests        stop after this many requests in all (0: only {@code seconds} bounds the run)
 * @param connections     keep-alive connections, one sending thread each
 * @param batch           alerts per request
 * @param sources         distinct {@code instance} labels: {@code 10.x.y.z}, as the addresses of the
 *                        devices bench/lib.sh imports
 * @param series          distinct alert series (label sets, so fingerprints)
 * @param bodies          distinct request bodies encoded beforehand and sent in turn
 * @param resolvedPercent the share of alerts sent as resolved
 * @param timeoutSeconds  the longest a connect or an answer is awaited
 * @param severity        the severity label of every alert; empty: each alert name's own (a quarter
 *                        critical, a twelfth major, most warning)
 */
record AlertLoadOptions(String host, int port, String token, int seconds, long requests, int connections, int batch,
                        int sources, int series, int bodies, int resolvedPercent, int timeoutSeconds, long seed,
                        String severity) {

    static final String USAGE = "options: --target host:port --token T --seconds N --requests N --connections N "
            + "--batch N --sources N --series N --bodies N --resolved-percent P --timeout S --seed N --severity S";

    AlertLoadOptions {
        if (seconds < 1 || requests < 0 || connections < 1 || batch < 1 || sources < 1 || sources > 1 << 24
                || series < 1 || bodies < 1 || resolvedPercent < 0 || resolvedPercent > 100 || timeoutSeconds < 1) {
            throw new IllegalArgumentException("--seconds, --connections, --batch, --sources, --series, --bodies and "
                    + "--timeout must be positive, --requests not negative, --resolved-percent 0 to 100");
        }
    }

    static AlertLoadOptions parse(String[] args) {
        String host = "127.0.0.1";
        int port = 8080;
        String token = "";
        int seconds = 10;
        long requests = 0;
        int connections = 1;
        int batch = 100;
        int sources = 5000;
        int series = 20_000;
        int bodies = 500;
        int resolvedPercent = 30;
        int timeoutSeconds = 30;
        long seed = 1;
        String severity = "";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--target" -> {
                    int colon = value.lastIndexOf(':');
                    host = colon < 0 ? value : value.substring(0, colon);
                    port = colon < 0 ? port : Integer.parseInt(value.substring(colon + 1));
                }
                case "--token" -> token = value;
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--requests" -> requests = Long.parseLong(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--batch" -> batch = Integer.parseInt(value);
                case "--sources" -> sources = Integer.parseInt(value);
                case "--series" -> series = Integer.parseInt(value);
                case "--bodies" -> bodies = Integer.parseInt(value);
                case "--resolved-percent" -> resolvedPercent = Integer.parseInt(value);
                case "--timeout" -> timeoutSeconds = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--severity" -> severity = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
            i++;
        }
        return new AlertLoadOptions(host, port, token, seconds, requests, connections, batch, sources, series, bodies,
                resolvedPercent, timeoutSeconds, seed, severity);
    }
}
