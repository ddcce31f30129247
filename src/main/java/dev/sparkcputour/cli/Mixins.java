package dev.sparkcputour.cli;

import java.lang.reflect.Field;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Mixes an options object into a command at run time (a workload's options, known only from the
 * registry). Picocli injects {@code @Spec(MIXEE)} only into {@code @Mixin} fields, so this does
 * it here: the options' usage errors then name the command they belong to.
 */
final class Mixins {

    private Mixins() {
    }

    static void add(CommandSpec command, String name, Object options) {
        command.addMixin(name, CommandSpec.forAnnotatedObject(options));
        for (Class<?> type = options.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Spec spec = field.getAnnotation(Spec.class);
                if (spec != null && spec.value() == Spec.Target.MIXEE) {
                    try {
                        field.setAccessible(true);
                        field.set(options, command);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot give " + type.getName() + " its command", e);
                    }
                }
            }
        }
    }
}
