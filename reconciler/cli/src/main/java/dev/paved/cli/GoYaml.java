package dev.paved.cli;

import dev.paved.policy.builtins.Float64;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One YAML document read as Conftest reads it (sigs.k8s.io/yaml over go-yaml v2): plain scalars resolved the
 * YAML 1.1 way, so {@code yes}, {@code on} and {@code y} are true, {@code no}, {@code off} and {@code n} false,
 * {@code 0777} is octal, {@code 0x1F} hex, {@code 1_000} a thousand, {@code ~} null; dates stay strings; merge
 * keys ({@code <<}) apply; number and boolean keys become strings, a null key is an error. Quoted and block scalars are always strings.
 */
final class GoYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On",
            "ON");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off",
            "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> NOT_JSON = Set.of(".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf",
            "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF");
    private static final Pattern FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final String STR = "tag:yaml.org,2002:str";

    private final Iterator<Event> events;
    private final Map<String, JsonNode> anchors = new HashMap<>();

    private GoYaml(String text) {
        this.events = new Parse(LoadSettings.builder().build()).parseString(text).iterator();
    }

    /** The first document of the text; null when there is none. */
    static JsonNode read(String text) {
        GoYaml yaml = new GoYaml(text);
        while (yaml.events.hasNext()) {
            Event event = yaml.events.next();
            if (event instanceof NodeEvent) {
                return yaml.node(event);
            }
        }
        return NODES.nullNode();
    }

    private JsonNode node(Event event) {
        JsonNode node;
        if (event instanceof AliasEvent alias) {
            node = anchors.get(alias.getAlias().getValue());
            if (node == null) {
                throw new YamlEngineException("unknown anchor " + alias.getAlias().getValue() + " referenced");
            }
            return node;
        } else if (event instanceof ScalarEvent scalar) {
            node = scalar(scalar);
        } else if (event instanceof SequenceStartEvent) {
            ArrayNode array = NODES.arrayNode();
            for (Event next = events.next(); next.getEventId() != Event.ID.SequenceEnd; next = events.next()) {
                array.add(node(next));
            }
            node = array;
        } else if (event instanceof MappingStartEvent) {
            ObjectNode object = NODES.objectNode();
            for (Event next = events.next(); next.getEventId() != Event.ID.MappingEnd; next = events.next()) {
                boolean merge = next instanceof ScalarEvent key && key.isPlain() && key.getValue().equals("<<");
                String key = key(node(next));
                JsonNode value = node(events.next());
                if (merge && value instanceof ObjectNode merged) {
                    object.setAll(merged);
                } else if (merge && value instanceof ArrayNode list) {
                    list.forEach(m -> object.setAll((ObjectNode) m));
                } else {
                    object.set(key, value);
                }
            }
            node = object;
        } else {
            throw new YamlEngineException("unexpected " + event.getEventId());
        }
        JsonNode built = node;
        ((NodeEvent) event).getAnchor().ifPresent(anchor -> anchors.put(anchor.getValue(), built));
        return built;
    }

    private static String key(JsonNode key) {
        if (key.isNull()) {
            throw new YamlEngineException("unsupported map key: null (JSON keys are strings)");
        }
        if (key.isNumber() && !key.isIntegralNumber()) {
            return Float64.literal(key.asDouble());
        }
        return key.isValueNode() ? key.asString() : key.toString();
    }

    private static JsonNode scalar(ScalarEvent scalar) {
        String value = scalar.getValue();
        String tag = scalar.getTag().orElse("");
        if (!scalar.isPlain() || tag.equals(STR) || tag.equals("!")) {
            return NODES.stringNode(value);
        }
        if (NULL.contains(value)) {
            return NODES.nullNode();
        }
        if (TRUE.contains(value) || FALSE.contains(value)) {
            return NODES.booleanNode(TRUE.contains(value));
        }
        if (NOT_JSON.contains(value)) {
            throw new YamlEngineException("json: unsupported value: " + value + " (NaN and infinities are not JSON)");
        }
        char first = value.charAt(0);
        if (first == '.' || first == '+' || first == '-' || Character.isDigit(first)) {
            String plain = first == '.' ? value : value.replace("_", "");
            BigInteger integer = goParseInt(plain);
            if (integer != null && integer.bitLength() <= 64) {
                return NODES.numberNode(integer);
            }
            if (FLOAT.matcher(plain).matches()) {
                return NODES.numberNode(new BigDecimal(plain));
            }
        }
        return NODES.stringNode(value);
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} (and ParseUint): sign, then 0x, 0o, 0b, a leading 0 for octal. */
    private static BigInteger goParseInt(String s) {
        boolean negative = s.startsWith("-");
        String digits = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        int radix = 10;
        String lower = digits.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        int base = radix;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
            return null;
        }
        BigInteger value = new BigInteger(digits, base);
        if (negative) {
            value = value.negate();
            return value.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) >= 0 ? value : null;
        }
        return value.compareTo(BigInteger.ONE.shiftLeft(64)) < 0 ? value : null;
    }
}
