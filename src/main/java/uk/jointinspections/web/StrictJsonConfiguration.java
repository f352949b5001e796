package uk.jointinspections.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our /api reads text fields as text only: a number, boolean, array or object where a reference, a date or a name
 * belongs is refused (400) rather than silently turned into "123456789" or "true"; a yes/no field takes true or false,
 * not a number (-1 is not "yes") nor text; and text with control characters is refused ({@link ControlCharacters}).
 */
@Configuration
public class StrictJsonConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer textFieldsTakeTextOnly() {
    return builder -> builder.postConfigurer(mapper -> {
      var textual = mapper.coercionConfigFor(LogicalType.Textual);
      textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
      textual.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
      textual.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
      var yesNo = mapper.coercionConfigFor(LogicalType.Boolean);
      yesNo.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
      yesNo.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
      // "" or a NUL character would otherwise be read as "not given" and slip past a rule that needs true or false
      yesNo.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
      yesNo.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
      yesNo.setAcceptBlankAsEmpty(false);
      mapper.registerModule(new SimpleModule("control-characters").addDeserializer(String.class, new ControlCharacters()));
    });
  }
}
