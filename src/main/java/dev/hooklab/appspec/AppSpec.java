package dev.hooklab.appspec;

import java.util.List;
import java.util.Map;

/**
 * The AppSpec as the agent understands it. Built best-effort: sections that failed validation are
 * empty, so the plan can still be computed for the parts that are readable.
 *
 * @param os                 the os value ({@code to_s}), or null
 * @param hooks              event name -> scripts, in document order (events with a null value dropped, as the agent does)
 * @param eventMarks         event name -> where its key is
 * @param files              the files section
 * @param permissions        the permissions section
 * @param fileExistsBehavior DISALLOW, OVERWRITE, RETAIN or null when absent
 */
public record AppSpec(String os, Map<String, List<HookScript>> hooks, Map<String, Mark> eventMarks,
                      List<FileMapping> files, List<PermissionRule> permissions, String fileExistsBehavior) {

    public AppSpec {
        hooks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hooks));
        eventMarks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(eventMarks));
        files = List.copyOf(files);
        permissions = List.copyOf(permissions);
    }

    public static AppSpec empty() {
        return new AppSpec(null, Map.of(), Map.of(), List.of(), List.of(), null);
    }
}
