package org.amamo.platform;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Which fields of the API's bodies may be null, read from the Java types as Jackson sees them: a field of a reference
 * type (text, boxed number, date, object, list) is nullable unless validation requires it ({@code @NotNull},
 * {@code @NotBlank}, {@code @NotEmpty}); primitive fields never are. The schemas of the description are named after
 * the types' simple names, as springdoc names them.
 */
final class ApiNullability {

    private ApiNullability() {}

    /** Marks the nullable fields of every component schema that is the body of an API operation, or part of one. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void declare(Components components, RequestMappingHandlerMapping mappings, ObjectMapper json) {
        if (components.getSchemas() == null) {
            return;
        }
        Map<String, Set<String>> nullable = nullableFields(bodyTypes(mappings, json), json);
        nullable.forEach((schemaName, fields) -> {
            Schema<?> schema = components.getSchemas().get(schemaName);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            Map<String, Schema> properties = schema.getProperties();
            properties.replaceAll(
                    (name, property) -> fields.contains(name) ? nullable(property, components) : property);
        });
    }

    /**
     * OpenAPI 3.0 ignores the siblings of a {@code $ref}, and {@code nullable} does not reach into an {@code allOf}: a
     * nullable reference to another schema is written as {@code anyOf} of the reference and of {@code null} alone (a
     * schema of the referenced type, {@code nullable}, whose only value is {@code null}), as OpenAPI 3.0.3 advises.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property, Components components) {
        String ref = property.get$ref();
        if (ref == null) {
            property.setNullable(true);
            return property;
        }
        Schema<?> referenced = components.getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        Schema<Object> onlyNull = new Schema<>();
        onlyNull.setType(referenced == null || referenced.getType() == null ? "object" : referenced.getType());
        onlyNull.setNullable(true);
        onlyNull.setEnum(Collections.singletonList(null));
        ComposedSchema reference = new ComposedSchema();
        reference.setAnyOf(List.of(new Schema<>().$ref(ref), onlyNull));
        reference.setDescription(property.getDescription());
        return reference;
    }

    private static Set<JavaType> bodyTypes(RequestMappingHandlerMapping mappings, ObjectMapper json) {
        Set<JavaType> types = new HashSet<>();
        mappings.getHandlerMethods().values().stream()
                .filter(handler -> AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ApiController.class))
                .forEach(handler -> {
                    Method method = handler.getMethod();
                    types.add(json.constructType(method.getGenericReturnType()));
                    for (Parameter parameter : method.getParameters()) {
                        if (parameter.isAnnotationPresent(RequestBody.class)) {
                            types.add(json.constructType(parameter.getParameterizedType()));
                        }
                    }
                });
        return types;
    }

    /** Schema name to the names of its fields that may be null, for every type reachable from {@code roots}. */
    private static Map<String, Set<String>> nullableFields(Set<JavaType> roots, ObjectMapper json) {
        Map<String, Set<String>> nullable = new HashMap<>();
        Deque<JavaType> pending = new ArrayDeque<>(roots);
        Set<Class<?>> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            JavaType type = pending.pop();
            if (type.isContainerType() || type.isReferenceType()) {
                if (type.getContentType() != null) {
                    pending.push(type.getContentType());
                }
                continue;
            }
            Class<?> raw = type.getRawClass();
            // ResponseEntity<T> and other wrappers: their type arguments are the bodies.
            type.getBindings().getTypeParameters().forEach(pending::push);
            if (!raw.getName().startsWith("org.amamo") || raw.isEnum() || !seen.add(raw)) {
                continue;
            }
            BeanDescription description = json.getSerializationConfig().introspect(type);
            Set<String> fields = new HashSet<>();
            for (BeanPropertyDefinition property : description.findProperties()) {
                JavaType propertyType = property.getPrimaryType();
                pending.push(propertyType);
                if (!propertyType.isPrimitive() && !required(property)) {
                    fields.add(property.getName());
                }
            }
            nullable.merge(raw.getSimpleName(), fields, (a, b) -> {
                Set<String> both = new HashSet<>(a);
                both.addAll(b);
                return both;
            });
        }
        return nullable;
    }

    private static boolean required(BeanPropertyDefinition property) {
        List<AnnotatedMember> members =
                Arrays.asList(property.getField(), property.getGetter(), property.getConstructorParameter());
        for (AnnotatedMember member : members) {
            if (member != null
                    && (member.hasAnnotation(NotNull.class)
                            || member.hasAnnotation(NotBlank.class)
                            || member.hasAnnotation(NotEmpty.class))) {
                return true;
            }
        }
        return false;
    }
}
