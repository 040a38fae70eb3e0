package dev.paved.core.plan;

import dev.paved.provider.DesiredResource;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** What the planner needs to know of the providers, without talking to them. */
public interface PlanContext {

    /** The desired properties as the instance will report them back once applied. */
    ObjectNode normalize(String instance, DesiredResource desired);

    /** Top-level properties whose change needs a replacement, for this instance and resource type. */
    Set<String> replaceOnChange(String instance, String type);
}
