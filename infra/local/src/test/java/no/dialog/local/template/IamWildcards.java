package no.dialog.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code *} in IAM actions and resources of a template's text that nothing justifies. Read from the
 * text, not the parsed tree, because the justification is a comment: on the line itself
 * ({@code Resource: ".../vipps/*"  # one secret per tenant}) or on the statement's {@code Sid} line. SAM policy
 * templates (DynamoDBCrudPolicy ...) are not text with a {@code *} and are not seen here.
 */
final class IamWildcards {

    private static final Pattern KEY = Pattern.compile("^(\\s*)(?:- )?(Action|NotAction|Resource|NotResource):\\s*(.*)$");
    private static final Pattern SID = Pattern.compile("^(\\s*)(?:- )?Sid:\\s*(.*)$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)- (.*)$");

    private IamWildcards() {}

    /** Each unjustified wildcard as {@code line <n>: <text>}. */
    static List<String> unjustified(String templateText) {
        List<String> problems = new ArrayList<>();
        String[] lines = templateText.split("\n", -1);
        boolean sidJustifies = false;
        int listIndent = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher sid = SID.matcher(line);
            Matcher item = ITEM.matcher(line);
            if (listIndent >= 0 && item.matches() && item.group(1).length() > listIndent) {
                check(problems, i, line, item.group(2), sidJustifies);
                continue;
            }
            listIndent = -1;
            if (item.matches() || sid.matches()) {
                // A new list element starts a new statement: only its own Sid can justify its wildcards.
                sidJustifies = sid.matches() && hasComment(sid.group(2));
            }
            Matcher key = KEY.matcher(line);
            if (key.matches()) {
                String value = key.group(3);
                if (value.isEmpty()) {
                    listIndent = key.group(1).length();
                } else {
                    check(problems, i, line, value, sidJustifies);
                }
            }
        }
        return problems;
    }

    private static void check(List<String> problems, int index, String line, String value, boolean sidJustifies) {
        if (code(value).contains("*") && !hasComment(value) && !sidJustifies) {
            problems.add("line " + (index + 1) + ": " + line.strip());
        }
    }

    /** The value without a trailing comment (YAML: a # after whitespace). */
    private static String code(String value) {
        int comment = value.indexOf(" #");
        return comment < 0 ? value : value.substring(0, comment);
    }

    private static boolean hasComment(String value) {
        int comment = value.indexOf(" #");
        return comment >= 0 && !value.substring(comment + 2).isBlank();
    }
}
