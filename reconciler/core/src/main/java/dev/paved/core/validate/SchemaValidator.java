package dev.paved.core.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.paved.core.finding.Finding;
import dev.paved.core.parse.Declaration;
import dev.paved.core.parse.Kind;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks each declaration against the JSON Schema of its kind (draft 2020-12, networknt). The schemas are the
 * ones in the top-level {@code schema/} folder, packaged in the jar. Thread-safe; build one and share it.
 */
public final class SchemaValidator {

    private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);
    private final SchemaMessages messages;

    private SchemaValidator(SchemaRegistry registry, SchemaMessages messages) {
        this.messages = messages;
        for (Kind kind : Kind.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of(SchemaFiles.CLASSPATH_BASE + kind.schemaFile()));
            schema.initializeValidators();
            schemas.put(kind, schema);
        }
    }

    public static SchemaValidator load() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .errorMessageKeyword("errorMessage")
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        return new SchemaValidator(registry, new SchemaMessages(SchemaFiles.load()));
    }

    public List<Finding> validate(Declaration declaration) {
        List<Error> errors = schemas.get(declaration.kind()).validate(declaration.body());
        if (errors.isEmpty()) {
            return List.of();
        }
        Set<Finding> findings = new LinkedHashSet<>();
        for (Error error : errors) {
            if (!messages.isExplainedByAnother(error, errors)) {
                findings.add(messages.toFinding(declaration, error));
            }
        }
        return List.copyOf(findings);
    }
}
