package noc.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

import io.micronaut.core.annotation.Nullable;

/**
 * The syntax of one rule file, checked on its own. Drools builds the files of a package together, and
 * when one of them does not parse the declarations of the others go unresolved as well: one missing
 * {@code )} then shows as dozens of errors in files nobody touched. Parsing each file alone tells the
 * real syntax errors; the file's stand-in (what of it parses: its package, imports, globals,
 * declarations, functions and queries, rules left out) lets the other files be compiled for errors of
 * their own.
 */
final class RuleSyntax {

    /** A top-level element of a DRL file: its keyword begins a line. */
    private static final Pattern ELEMENT = Pattern.compile(
            "^[ \\t]*(package|import|global|dialect|declare|function|query|rule)\\s+[\"\\w]", Pattern.MULTILINE);
    /** The name an element gives the package: a declared type, a function, a query or a global. */
    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*(?:declare\\s+(?:trait\\s+|enum\\s+)?(?:\\w+\\.)*(\\w+)|function\\s+[^(]*?(\\w+)\\s*\\("
            + "|query\\s+(?:\"([^\"]+)\"|(\\w+))|global\\s+\\S+\\s+(\\w+))");
    /** The parser repeats the position, zero-based, in its text ({@code [ERR 102] Line 22:4 ...}). */
    private static final Pattern POSITION = Pattern.compile("Line \\d+:\\d+\\s*");

    /**
     * @param errors   the syntax errors of the file, columns counted from 1 as an editor shows them
     * @param standIn  what of the file parses, at the same lines and columns; null when nothing does
     * @param lost     the names the file declares in parts that do not parse, which other files may miss
     */
    record Checked(List<RuleProblem> errors, @Nullable String standIn, Set<String> lost) {

        Checked {
            errors = List.copyOf(errors);
            lost = Set.copyOf(lost);
        }
    }

    private RuleSyntax() {
    }

    static Checked check(String file, String text) {
        List<RuleProblem> errors = parse(file, text);
        if (errors.isEmpty()) {
            return new Checked(List.of(), text, Set.of());
        }
        List<Range> kept = new ArrayList<>();
        Set<String> lost = new LinkedHashSet<>();
        for (Range element : elementsButRules(text)) {
            // Alone, not in place: the whole file once per element would cost its size squared.
            if (parse(file, element.of(text)).isEmpty()) {
                kept.add(element);
            } else {
                lost.addAll(declaredNames(element.of(text)));
            }
        }
        String standIn = keep(text, kept);
        if (!kept.isEmpty() && parse(file, standIn).isEmpty()) {
            return new Checked(errors, standIn, lost);
        }
        kept.forEach(element -> lost.addAll(declaredNames(element.of(text))));
        return new Checked(errors, null, lost);
    }

    /** Where a top-level element of the file runs: from its keyword to the next element's. */
    private record Range(int start, int end) {

        String of(String text) {
            return text.substring(start, end);
        }
    }

    private static List<Range> elementsButRules(String text) {
        List<Range> elements = new ArrayList<>();
        Matcher element = ELEMENT.matcher(text);
        int start = -1;
        boolean rule = false;
        while (element.find()) {
            if (start >= 0 && !rule) {
                elements.add(new Range(start, element.start()));
            }
            start = element.start();
            rule = element.group(1).equals("rule");
        }
        if (start >= 0 && !rule) {
            elements.add(new Range(start, text.length()));
        }
        return elements;
    }

    private static List<RuleProblem> parse(String file, String text) {
        DrlParser parser = new DrlParser();
        try {
            parser.parse(false, text);
        } catch (DroolsParserException e) {
            return List.of(new RuleProblem(file, e.getLineNumber(), e.getColumn() + 1, RuleProblem.Level.ERROR,
                    POSITION.matcher(e.getMessage()).replaceFirst("").strip()));
        }
        List<RuleProblem> problems = new ArrayList<>();
        for (DroolsError error : parser.getErrors()) {
            int line = error instanceof ParserError located ? located.getRow() : firstLine(error);
            int column = error instanceof ParserError located ? located.getCol() + 1 : 0;
            problems.add(new RuleProblem(file, line, column, RuleProblem.Level.ERROR,
                    POSITION.matcher(error.getMessage()).replaceFirst("").strip()));
        }
        return problems;
    }

    private static int firstLine(DroolsError error) {
        int[] lines = error.getLines();
        return lines == null || lines.length == 0 ? 0 : lines[0];
    }

    /** The text with everything outside the ranges blanked, line breaks kept, so positions stay. */
    private static String keep(String text, List<Range> ranges) {
        char[] kept = new char[text.length()];
        for (int i = 0; i < kept.length; i++) {
            char c = text.charAt(i);
            kept[i] = c == '\n' || c == '\r' ? c : ' ';
        }
        ranges.forEach(range -> text.getChars(range.start(), range.end(), kept, range.start()));
        return new String(kept);
    }

    private static List<String> declaredNames(String element) {
        Matcher matcher = DECLARED.matcher(element);
        if (!matcher.find()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                names.add(matcher.group(group));
            }
        }
        return names;
    }
}
