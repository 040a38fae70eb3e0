package dev.paved.core.parse;

import dev.paved.core.finding.Pointers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Reads multi-document YAML from Jackson's streaming parser into JSON trees, recording the position of every
 * node as it goes. Building the tree here, rather than with {@code readTree}, is what lets the loader refuse
 * duplicate keys, bound nesting depth and alias expansion, and expand anchors and merge keys ({@code <<})
 * with a budget instead of trusting the input.
 */
final class YamlTreeReader {

    private static final String MERGE_KEY = "<<";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    record Document(int index, JsonNode root) {
    }

    /**
     * @param documents the documents read completely
     * @param problem   why reading stopped, or null
     * @param failed    apiVersion, kind and metadata.name of the document that failed, as far as they were read
     */
    record Result(List<Document> documents, LoadProblem problem, Identity failed) {
    }

    /** The top-level identity fields of a document; any may be null. */
    record Identity(String apiVersion, String kind, String name) {
    }

    private record Anchored(JsonNode node, int nodeCount) {
    }

    private final YAMLMapper mapper;
    private final LoadLimits limits;

    YamlTreeReader(LoadLimits limits) {
        this.limits = limits;
        int codePoints = (int) Math.min(Integer.MAX_VALUE, Math.max(limits.maxFileBytes(), 3 * 1024 * 1024));
        YAMLFactory factory = YAMLFactory.builder()
                .loadSettings(LoadSettings.builder().setCodePointLimit(codePoints).build())
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 2)
                        .build())
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // reported by this reader, at the key
                .build();
        this.mapper = YAMLMapper.builder(factory).build();
    }

    /** Reads every document; documents before a problem are kept, the problem ends the file. */
    Result read(String text) {
        return new Session(false).readAll(text);
    }

    /**
     * Reads the text again, recording the position of every node: one map per document read completely.
     * Positions are only needed where a finding points, so loading skips them and this pass runs on demand.
     */
    List<PositionMap> positions(String text) {
        Session session = new Session(true);
        session.readAll(text);
        return session.positionMaps;
    }

    /** One read of one file: the anchors, node budget and (when asked) positions of the document being built. */
    private final class Session {
        private final boolean recordPositions;
        private final List<PositionMap> positionMaps = new ArrayList<>();
        private YAMLParser parser;
        private final Map<String, Anchored> anchors = new HashMap<>();
        private Map<String, Long> positions;
        private int nodes;
        private String apiVersion;
        private String kind;
        private String name;

        Session(boolean recordPositions) {
            this.recordPositions = recordPositions;
        }

        Result readAll(String text) {
            List<Document> documents = new ArrayList<>();
            try (YAMLParser p = (YAMLParser) mapper.createParser(text)) {
                parser = p;
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    anchors.clear();
                    apiVersion = kind = name = null;
                    if (recordPositions) {
                        positions = new HashMap<>();
                        record("", parser.currentTokenLocation());
                    }
                    JsonNode root = readValue(token, "", 0);
                    documents.add(new Document(documents.size(), root));
                    if (recordPositions) {
                        positionMaps.add(new PositionMap(positions));
                    }
                }
                return new Result(documents, null, null);
            } catch (LoadProblem problem) {
                return failed(documents, problem);
            } catch (StreamConstraintsException e) {
                return failed(documents, tooDeep(parser == null ? null : parser.currentTokenLocation()));
            } catch (JacksonException e) {
                return failed(documents, syntaxProblem(e));
            }
        }

        private Result failed(List<Document> documents, LoadProblem problem) {
            return new Result(documents, problem, new Identity(apiVersion, kind, name));
        }

        private JsonNode readValue(JsonToken token, String pointer, int depth) {
            countNodes(1);
            String anchor = token == JsonToken.VALUE_STRING && parser.isCurrentAlias() ? null : anchorOfCurrent();
            int before = nodes;
            JsonNode node = switch (token) {
                case START_OBJECT -> readObject(pointer, depth + 1);
                case START_ARRAY -> readArray(pointer, depth + 1);
                case VALUE_STRING -> parser.isCurrentAlias() ? resolveAlias() : NODES.stringNode(parser.getString());
                case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> parser.getNumberType() == tools.jackson.core.JsonParser.NumberType.BIG_DECIMAL
                        ? NODES.numberNode(parser.getDecimalValue())
                        : NODES.numberNode(parser.getDoubleValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                default -> throw problemHere("load.syntax", "unsupported YAML value (" + token + ")");
            };
            if (anchor != null) {
                anchors.put(anchor, new Anchored(node, nodes - before + 1));
            }
            return node;
        }

        private ObjectNode readObject(String pointer, int depth) {
            checkDepth(depth);
            ObjectNode object = NODES.objectNode();
            List<ObjectNode> merged = null;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                String key = parser.currentName();
                TokenStreamLocation keyAt = parser.currentTokenLocation();
                // merged keys are only added after the loop, so the object holds exactly the explicit keys
                boolean duplicate = MERGE_KEY.equals(key) ? merged != null : object.has(key);
                if (duplicate) {
                    throw problemAt("load.duplicate-key", keyAt, "duplicate key '" + key + "'"
                            + " (an earlier value would be silently overwritten)");
                }
                String child = pointer != null && (recordPositions || depth <= 2) ? Pointers.child(pointer, key) : null;
                JsonToken valueToken = parser.nextToken();
                if (recordPositions) {
                    boolean container = valueToken == JsonToken.START_OBJECT || valueToken == JsonToken.START_ARRAY;
                    record(child, container ? keyAt : parser.currentTokenLocation());
                }
                JsonNode value = readValue(valueToken, child, depth);
                if (MERGE_KEY.equals(key)) {
                    merged = mergeSources(value, keyAt);
                } else {
                    object.set(key, value);
                    if (child != null && depth <= 2) {
                        noteIdentity(child, value);
                    }
                }
            }
            for (ObjectNode source : merged == null ? List.<ObjectNode>of() : merged) {
                for (Map.Entry<String, JsonNode> field : source.properties()) {
                    if (!object.has(field.getKey())) {
                        object.set(field.getKey(), field.getValue());
                    }
                }
            }
            return object;
        }

        private void noteIdentity(String pointer, JsonNode value) {
            if (value.isString()) {
                switch (pointer) {
                    case "/apiVersion" -> apiVersion = value.asString();
                    case "/kind" -> kind = value.asString();
                    case "/metadata/name" -> name = value.asString();
                    default -> { }
                }
            }
        }

        private ArrayNode readArray(String pointer, int depth) {
            checkDepth(depth);
            ArrayNode array = NODES.arrayNode();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                String child = null;
                if (recordPositions) {
                    child = Pointers.child(pointer, array.size());
                    record(child, parser.currentTokenLocation());
                }
                array.add(readValue(token, child, depth));
            }
            return array;
        }

        private List<ObjectNode> mergeSources(JsonNode value, TokenStreamLocation at) {
            List<ObjectNode> sources = new ArrayList<>();
            if (value instanceof ObjectNode object) {
                sources.add(object);
            } else if (value instanceof ArrayNode array && array.valueStream().allMatch(JsonNode::isObject)) {
                array.valueStream().forEach(item -> sources.add((ObjectNode) item));
            } else {
                throw problemAt("load.syntax", at, "a merge key (<<) takes a mapping or a list of mappings");
            }
            return sources;
        }

        private JsonNode resolveAlias() {
            String name = parser.getString();
            Anchored anchored = anchors.get(name);
            if (anchored == null) {
                throw problemHere("load.syntax", "alias *" + name + " refers to no anchor defined before it");
            }
            countNodes(anchored.nodeCount() - 1);
            return anchored.node();
        }

        private String anchorOfCurrent() {
            Object id = parser.getObjectId();
            return id == null ? null : id.toString();
        }

        private void countNodes(int added) {
            nodes += added;
            if (nodes > limits.maxNodes()) {
                throw problemHere("load.too-many-nodes", "more than " + limits.maxNodes()
                        + " YAML nodes after expanding aliases (an alias bomb, or a file far larger than a"
                        + " declaration should be)");
            }
        }

        private void checkDepth(int depth) {
            if (depth > limits.maxDepth()) {
                throw tooDeep(parser.currentTokenLocation());
            }
        }

        private LoadProblem tooDeep(TokenStreamLocation at) {
            return problemAt("load.too-deep", at, "nesting deeper than " + limits.maxDepth() + " levels");
        }

        private void record(String pointer, TokenStreamLocation at) {
            positions.putIfAbsent(pointer, PositionMap.pack(at.getLineNr(), at.getColumnNr()));
        }

        private LoadProblem problemHere(String ruleId, String message) {
            return problemAt(ruleId, parser.currentTokenLocation(), message);
        }

        private LoadProblem problemAt(String ruleId, TokenStreamLocation at, String message) {
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            return new LoadProblem(ruleId, line, column, message);
        }

        private LoadProblem syntaxProblem(JacksonException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
                var mark = yaml.getProblemMark().get();
                String context = yaml.getContext() == null ? "" : " " + yaml.getContext();
                return new LoadProblem("load.syntax", mark.getLine() + 1, mark.getColumn() + 1,
                        "invalid YAML: " + yaml.getProblem() + context);
            }
            TokenStreamLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            int newline = message.indexOf('\n');
            return problemAt("load.syntax", at, "invalid YAML: " + (newline < 0 ? message : message.substring(0, newline)));
        }
    }
}
