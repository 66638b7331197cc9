package org.tls4j.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a Wycheproof JSON file from {@code ../shared/vectors/wycheproof} into flat test cases.
 *
 * <p>Schema (see the vectors README): {@code testGroups[]}, each with group parameters and {@code tests[]},
 * each test with {@code tcId}, {@code comment}, {@code flags}, inputs, outputs and {@code result}
 * ({@code valid}, {@code invalid} or {@code acceptable}). Runners check {@link #cases()} against the
 * file's own {@code numberOfTests} so no case is silently dropped, and print the counts.
 */
public final class Wycheproof {
    /** The outcome a test case demands. */
    public enum Result { VALID, INVALID, ACCEPTABLE }

    /** One test case together with the group it sits in. */
    public static final class Case {
        public final String file;
        public final JsonObject group;
        public final JsonObject test;
        public final int tcId;
        public final Result result;
        public final List<String> flags;

        Case(String file, JsonObject group, JsonObject test) {
            this.file = file;
            this.group = group;
            this.test = test;
            this.tcId = test.get("tcId").getAsInt();
            this.result = Result.valueOf(test.get("result").getAsString().toUpperCase(java.util.Locale.ROOT));
            List<String> f = new ArrayList<>();
            if (test.has("flags")) {
                for (JsonElement e : test.getAsJsonArray("flags")) {
                    f.add(e.getAsString());
                }
            }
            this.flags = Collections.unmodifiableList(f);
        }

        /** A hex field of the test, decoded. */
        public byte[] hex(String field) {
            JsonElement e = test.get(field);
            if (e == null) {
                throw new AssertionError(this + ": no field " + field);
            }
            return Hex.decode(e.getAsString());
        }

        public String str(String field) {
            return test.get(field).getAsString();
        }

        /** A group parameter as an int (e.g. keySize, ivSize, tagSize in bits). */
        public int groupInt(String field) {
            return group.get(field).getAsInt();
        }

        public String groupStr(String field) {
            return group.get(field).getAsString();
        }

        public String comment() {
            return test.has("comment") ? test.get("comment").getAsString() : "";
        }

        @Override
        public String toString() {
            return file + " tcId " + tcId + " (" + result + ", " + comment() + ", flags " + flags + ")";
        }
    }

    private final String file;
    private final JsonObject root;
    private final List<Case> cases;

    private Wycheproof(String file, JsonObject root, List<Case> cases) {
        this.file = file;
        this.root = root;
        this.cases = cases;
    }

    /** Loads {@code wycheproof/<name>}, e.g. {@code load("aes_gcm_test.json")}; a missing file fails. */
    public static Wycheproof load(String name) {
        String rel = "wycheproof/" + name;
        JsonObject root = JsonParser.parseString(Vectors.text(rel)).getAsJsonObject();
        List<Case> cases = new ArrayList<>();
        JsonArray groups = root.getAsJsonArray("testGroups");
        for (JsonElement g : groups) {
            JsonObject group = g.getAsJsonObject();
            for (JsonElement t : group.getAsJsonArray("tests")) {
                cases.add(new Case(name, group, t.getAsJsonObject()));
            }
        }
        int declared = root.get("numberOfTests").getAsInt();
        if (declared != cases.size()) {
            throw new AssertionError(name + ": numberOfTests says " + declared + " but " + cases.size()
                    + " cases were read");
        }
        return new Wycheproof(name, root, Collections.unmodifiableList(cases));
    }

    public String file() {
        return file;
    }

    public JsonObject root() {
        return root;
    }

    public List<Case> cases() {
        return cases;
    }

    /** Prints one summary line, e.g. {@code wycheproof aes_gcm_test.json: 316 cases (229 valid, 87 invalid) ...}. */
    public static void report(String file, int valid, int invalid, int acceptableAccepted, int acceptableRejected,
            int notApplicable) {
        System.out.printf("wycheproof %s: %d cases checked (%d valid, %d invalid, acceptable: %d accepted,"
                + " %d rejected), %d not applicable%n", file, valid + invalid + acceptableAccepted + acceptableRejected,
                valid, invalid, acceptableAccepted, acceptableRejected, notApplicable);
    }
}
