package dev.tunelab.core.xgboost;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Prepares a model, in XGBoost's JSON model format, for saving:
 * <ul>
 *   <li>cuts a tree model down to its first boosting rounds, the same as XGBoost's native
 *       {@code Booster.slice} (which XGBoost4J does not expose) for {@code gbtree} and {@code dart},
 *       so that after early stopping the file holds exactly {@code best_iteration + 1} rounds and
 *       every reader predicts with the best model;</li>
 *   <li>writes {@code base_score} as a scalar when XGBoost 3 wrote a one-value (or all-equal)
 *       vector such as {@code "[2.2820265E1]"}: XGBoost 3 reads both, while Python's xgboost 1.7
 *       silently reads the vector form as 0 and then predicts off by the base score;</li>
 *   <li>writes a DART model in the layout XGBoost 1.x used ({@code "name": "dart"} with
 *       {@code gbtree} and {@code weight_drop} beside it): XGBoost 3.4 saves DART as a
 *       {@code gbtree} whose model holds {@code weight_drop}, which Python's xgboost 1.7 reads as a
 *       plain gbtree (ignoring the weights); XGBoost 3.4 reads both layouts;</li>
 *   <li>sets learner attributes such as {@code best_iteration}.</li>
 * </ul>
 * Numbers are copied as written (no float round trip).
 */
final class ModelJson {

  private static final ObjectMapper JSON = Json.exactNumbers(new ExactFloats());

  private ModelJson() {
  }

  /**
   * The model prepared for saving.
   *
   * @param json       the model as {@code Booster.toByteArray("json")} returns it
   * @param rounds     boosting rounds to keep, or 0 to keep all
   * @param attributes learner attributes to set
   * @throws IllegalArgumentException when rounds must be cut from a model that is not a tree
   *     model, or the model has fewer rounds
   */
  static byte[] prepare(byte[] json, int rounds, Map<String, String> attributes) throws IOException {
    JsonNode root = JSON.readTree(json);
    if (rounds > 0) {
      keepRounds(root, rounds);
    }
    JsonNode learner = root.path("learner");
    if (learner.get("learner_model_param") instanceof ObjectNode param && param.get("base_score") != null) {
      param.put("base_score", scalarBaseScore(param.get("base_score").asText()));
    }
    dartLayout(learner);
    ObjectNode attrs = (ObjectNode) learner.get("attributes");
    attributes.forEach(attrs::put);
    return JSON.writeValueAsBytes(root);
  }

  /** {@code "[2.5E-1]"} and {@code "[1E0,1E0]"} as a scalar; other values unchanged. */
  static String scalarBaseScore(String text) {
    String t = text.trim();
    if (!t.startsWith("[") || !t.endsWith("]")) {
      return text;
    }
    String[] parts = t.substring(1, t.length() - 1).split(",");
    String first = parts[0].trim();
    for (String p : parts) {
      if (first.isEmpty() || !p.trim().equals(first)) {
        return text;
      }
    }
    return first;
  }

  private static void dartLayout(JsonNode learner) {
    if (!(learner instanceof ObjectNode l) || !(learner.get("gradient_booster") instanceof ObjectNode booster)
        || !"gbtree".equals(booster.path("name").asText()) || !(booster.get("model") instanceof ObjectNode model)
        || !model.has("weight_drop")) {
      return;
    }
    JsonNode weights = model.remove("weight_drop");
    ObjectNode dart = JSON.createObjectNode();
    dart.put("name", "dart");
    dart.set("gbtree", booster);
    dart.set("weight_drop", weights);
    l.set("gradient_booster", dart);
  }

  private static void keepRounds(JsonNode root, int rounds) {
    ObjectNode model = treeModel(root);
    if (model == null) {
      throw new IllegalArgumentException("model: not a tree model (gbtree or dart), cannot keep " + rounds + " rounds");
    }
    ArrayNode indptr = (ArrayNode) model.get("iteration_indptr");
    int have = indptr.size() - 1;
    if (rounds < 1 || rounds > have) {
      throw new IllegalArgumentException("rounds: got " + rounds + "; expected 1.." + have);
    }
    int trees = indptr.get(rounds).asInt();
    truncate(indptr, rounds + 1);
    truncate((ArrayNode) model.get("trees"), trees);
    truncate((ArrayNode) model.get("tree_info"), trees);
    for (JsonNode holder : new JsonNode[] {model, root.path("learner").path("gradient_booster")}) {
      if (holder.get("weight_drop") instanceof ArrayNode weights) {
        truncate(weights, trees);
      }
    }
    ((ObjectNode) model.get("gbtree_model_param")).put("num_trees", Integer.toString(trees));
  }

  /**
   * Keeps floating-point numbers as exact decimals and writes them back with a decimal point:
   * XGBoost's JSON reader takes {@code 1} for an integer and refuses it where a float belongs.
   */
  private static final class ExactFloats extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public ValueNode numberNode(BigDecimal v) {
      String s = v.toPlainString();
      return rawValueNode(new RawValue(s.indexOf('.') < 0 ? s + ".0" : s));
    }
  }

  private static void truncate(ArrayNode array, int size) {
    while (array.size() > size) {
      array.remove(array.size() - 1);
    }
  }

  private static ObjectNode treeModel(JsonNode root) {
    JsonNode booster = root.path("learner").path("gradient_booster");
    for (JsonNode candidate : new JsonNode[] {booster.path("model"), booster.path("gbtree").path("model"),
        booster.path("gbtree")}) {
      if (candidate.isObject() && candidate.has("trees") && candidate.has("iteration_indptr")) {
        return (ObjectNode) candidate;
      }
    }
    return null;
  }
}
