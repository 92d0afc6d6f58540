package dev.chainrule.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.chainrule.processor.GeneratedNames;
import dev.chainrule.processor.ir.Constant;
import dev.chainrule.processor.ir.Expr;
import dev.chainrule.processor.ir.Function;
import dev.chainrule.processor.ir.Literal;
import dev.chainrule.processor.ir.MathClass;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.SourceLine;
import dev.chainrule.processor.ir.Stmt;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads the body of a method that passed the language fence into the IR. It resolves names through
 * javac's attribution, so a name means what the compiler says it means; any construct the fence
 * should have stopped is a chainrule bug and throws.
 */
public final class MethodReader {
  private final Trees trees;
  private final SourceText source;
  private final String packageName;
  private final Map<Element, Variable> variables = new HashMap<>();
  private int declarations;

  private MethodReader(Trees trees, TreePath methodPath, String packageName) {
    this.trees = trees;
    this.source = new SourceText(trees, methodPath.getCompilationUnit());
    this.packageName = packageName;
  }

  public static Function read(Trees trees, TreePath methodPath, ExecutableElement method) {
    MethodReader reader = new MethodReader(trees, methodPath, References.packageOf(method));
    List<Variable> params = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      params.add(reader.declare(parameter));
    }
    MethodTree tree = (MethodTree) methodPath.getLeaf();
    List<Stmt> body = new ArrayList<>();
    reader.readStatement(new TreePath(methodPath, tree.getBody()), body);
    return new Function(
        reader.packageName,
        ownerName(method),
        method.getSimpleName().toString(),
        params,
        body,
        References.wrtNames(method));
  }

  private static String ownerName(ExecutableElement method) {
    return String.join(".", References.classNames((TypeElement) method.getEnclosingElement()));
  }

  private Variable declare(Element element) {
    Variable variable = synthetic(element.getSimpleName().toString(), Type.of(element.asType()));
    variables.put(element, variable);
    return variable;
  }

  /** A variable the source does not name, such as the index of an enhanced for. */
  private Variable synthetic(String name, Type type) {
    return new Variable(declarations++, name, type);
  }

  // --- statements ---

  /** Reads the statement at {@code path} into {@code body}; a block's statements go in flat. */
  private void readStatement(TreePath path, List<Stmt> body) {
    Tree statement = path.getLeaf();
    if (statement instanceof BlockTree block) {
      for (StatementTree inner : block.getStatements()) {
        readStatement(new TreePath(path, inner), body);
      }
      return;
    }
    if (statement instanceof IfTree branch) {
      body.add(readIf(path, branch));
      return;
    }
    if (statement instanceof SwitchTree switchTree) {
      body.addAll(readSwitch(path, switchTree));
      return;
    }
    if (statement instanceof ForLoopTree loop) {
      readFor(path, loop, body);
      return;
    }
    if (statement instanceof EnhancedForLoopTree loop) {
      readEnhancedFor(path, loop, body);
      return;
    }
    if (statement instanceof WhileLoopTree loop) {
      SourceLine line = source.lineOf(loop, "while " + source.of(loop.getCondition()));
      Expr condition = condition(path, loop.getCondition());
      List<Stmt> inner = new ArrayList<>();
      readStatement(child(path, loop.getStatement()), inner);
      body.add(new Stmt.Loop(condition, inner, List.of(), true, line));
      return;
    }
    if (statement instanceof DoWhileLoopTree loop) {
      SourceLine line = source.lineOf(loop, "do ... while " + source.of(loop.getCondition()));
      Expr condition = condition(path, loop.getCondition());
      List<Stmt> inner = new ArrayList<>();
      readStatement(child(path, loop.getStatement()), inner);
      body.add(new Stmt.Loop(condition, inner, List.of(), false, line));
      return;
    }
    SourceLine line = source.lineOf(statement);
    switch (statement.getKind()) {
      case EMPTY_STATEMENT -> {}
      case VARIABLE -> {
        Variable local = declare(trees.getElement(path));
        ExpressionTree initializer = ((VariableTree) statement).getInitializer();
        if (local.type().isArray()) {
          body.add(
              new Stmt.Assign(local, newArray(child(path, initializer), local.type()), true, line));
        } else if (initializer != null) {
          body.add(new Stmt.Assign(local, expression(child(path, initializer)), true, line));
        } else {
          body.add(new Stmt.Declare(local, line));
        }
      }
      case RETURN -> {
        ExpressionTree value = ((ReturnTree) statement).getExpression();
        body.add(new Stmt.Return(expression(child(path, value)), line));
      }
      case EXPRESSION_STATEMENT -> {
        ExpressionTree update = ((ExpressionStatementTree) statement).getExpression();
        body.add(readUpdate(child(path, update), line));
      }
      case BREAK -> body.add(new Stmt.Break(line));
      case CONTINUE -> body.add(new Stmt.Continue(line));
      default -> throw unexpected(statement);
    }
  }

  /** {@code for (init; condition; update) body}: the initialiser, then the loop. */
  private void readFor(TreePath path, ForLoopTree loop, List<Stmt> body) {
    for (StatementTree initializer : loop.getInitializer()) {
      readStatement(child(path, initializer), body);
    }
    Expr condition = condition(path, loop.getCondition());
    SourceLine line = source.lineOf(loop, forHeader(loop));
    List<Stmt> inner = new ArrayList<>();
    readStatement(child(path, loop.getStatement()), inner);
    List<Stmt> update = new ArrayList<>();
    for (ExpressionStatementTree step : loop.getUpdate()) {
      update.add(readUpdate(child(child(path, step), step.getExpression()), line));
    }
    body.add(new Stmt.Loop(condition, inner, update, true, line));
  }

  /**
   * A loop's condition; {@code true} when it is a constant expression with that value, as javac
   * sees it, so that lowering knows, as javac does, that only a break or a return ends the loop.
   */
  private Expr condition(TreePath loop, ExpressionTree condition) {
    return ConstantConditions.isAlwaysTrue(trees, loop, condition)
        ? TRUE
        : expression(child(loop, condition));
  }

  /** The comment over a for loop quotes its header, not its body. */
  private String forHeader(ForLoopTree loop) {
    List<String> init = loop.getInitializer().stream().map(this::statementText).toList();
    List<String> update = loop.getUpdate().stream().map(this::statementText).toList();
    String condition = loop.getCondition() == null ? "" : source.of(loop.getCondition());
    return "for ("
        + String.join(", ", init)
        + "; "
        + condition
        + "; "
        + String.join(", ", update)
        + ")";
  }

  private String statementText(StatementTree statement) {
    String text = source.of(statement).strip();
    return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * {@code for (double x : xs) body} as the counted loop it means, over an index the source does
   * not name: {@code xsIndex = 0; while (xsIndex < xs.length) { x = xs[xsIndex]; body; xsIndex =
   * xsIndex + 1 }}.
   */
  private void readEnhancedFor(TreePath path, EnhancedForLoopTree loop, List<Stmt> body) {
    SourceLine line =
        source.lineOf(
            loop,
            "for ("
                + source.of(loop.getVariable())
                + " : "
                + source.of(loop.getExpression())
                + ")");
    Expr array = expression(child(path, loop.getExpression()));
    String arrayName = loop.getExpression().toString();
    Variable index = synthetic(arrayName + "Index", Type.INT);
    body.add(new Stmt.Assign(index, new Literal(0, "0", Type.INT), true, line));
    Expr read = new Expr.Read(index);
    Expr condition =
        apply(Primitive.LESS, Type.BOOLEAN, read, apply(Primitive.LENGTH, Type.INT, array));
    Variable element = declare(trees.getElement(child(path, loop.getVariable())));
    Type elementType = array.type() == Type.DOUBLE_ARRAY ? Type.DOUBLE : Type.INT;
    List<Stmt> inner = new ArrayList<>();
    inner.add(
        new Stmt.Assign(element, apply(Primitive.ELEMENT, elementType, array, read), true, line));
    readStatement(child(path, loop.getStatement()), inner);
    Literal one = new Literal(1, "1", Type.INT);
    Stmt increment = new Stmt.Assign(index, apply(Primitive.ADD, Type.INT, read, one), line);
    body.add(new Stmt.Loop(condition, inner, List.of(increment), true, line));
  }

  private Stmt readIf(TreePath path, IfTree branch) {
    // The comment over a branch quotes its condition, not the whole statement.
    SourceLine line = source.lineOf(branch, "if " + source.of(branch.getCondition()));
    Expr condition = expression(child(path, branch.getCondition()));
    List<Stmt> then = new ArrayList<>();
    readStatement(child(path, branch.getThenStatement()), then);
    List<Stmt> otherwise = new ArrayList<>();
    if (branch.getElseStatement() != null) {
      readStatement(child(path, branch.getElseStatement()), otherwise);
    }
    return new Stmt.If(condition, then, otherwise, line);
  }

  /**
   * A switch statement as the else-if chain it means, {@code if (n == 1 || n == 2) ... else if
   * ...}, with the default case last wherever it stands: the fence let through no fall-through.
   */
  private List<Stmt> readSwitch(TreePath path, SwitchTree switchTree) {
    ExpressionTree selectorTree = TreeInfo.skipParentheses(switchTree.getExpression());
    Expr selector = expression(child(path, selectorTree));
    List<Stmt> otherwise = new ArrayList<>();
    List<Map.Entry<Expr, List<Stmt>>> tests = new ArrayList<>();
    // Colon cases without statements share the body of the next case: case 7: case 1: ...
    List<ExpressionTree> labels = new ArrayList<>();
    boolean isDefault = false;
    for (CaseTree caseTree : switchTree.getCases()) {
      TreePath casePath = child(path, caseTree);
      labels.addAll(caseTree.getExpressions());
      isDefault |= caseTree.getExpressions().isEmpty();
      boolean rule = caseTree.getCaseKind() == CaseTree.CaseKind.RULE;
      if (!rule && caseTree.getStatements().isEmpty() && caseTree != last(switchTree)) {
        continue;
      }
      List<Stmt> body = new ArrayList<>();
      if (rule) {
        readStatement(child(casePath, caseTree.getBody()), body);
      } else {
        for (StatementTree statement : caseTree.getStatements()) {
          if (!(statement instanceof BreakTree)) {
            readStatement(child(casePath, statement), body);
          }
        }
      }
      if (isDefault) {
        otherwise = body; // the default's labels, if any, are subsumed: it takes every value
      } else {
        tests.add(Map.entry(labelTest(path, labels, selector), body));
      }
      labels = new ArrayList<>();
      isDefault = false;
    }
    SourceLine line = source.lineOf(switchTree, "switch (" + source.of(selectorTree) + ")");
    List<Stmt> chain = otherwise;
    for (int i = tests.size() - 1; i >= 0; i--) {
      chain = List.of(new Stmt.If(tests.get(i).getKey(), tests.get(i).getValue(), chain, line));
    }
    return chain;
  }

  private static CaseTree last(SwitchTree switchTree) {
    return switchTree.getCases().get(switchTree.getCases().size() - 1);
  }

  /** {@code n == 1 || n == 2} for {@code case 1, 2}. */
  private Expr labelTest(TreePath switchPath, List<ExpressionTree> labels, Expr selector) {
    Expr test = null;
    for (ExpressionTree label : labels) {
      TreePath labelPath = TreePath.getPath(switchPath, label);
      Expr equal = apply(Primitive.EQUAL, Type.BOOLEAN, selector, expression(labelPath));
      test = test == null ? equal : apply(Primitive.OR, Type.BOOLEAN, test, equal);
    }
    return test;
  }

  /** A switch expression as the chain of {@code ?:} it means. */
  private Expr readSwitchExpression(TreePath path, SwitchExpressionTree switchTree, Type type) {
    ExpressionTree selectorTree = TreeInfo.skipParentheses(switchTree.getExpression());
    Expr selector = expression(child(path, selectorTree));
    Expr otherwise = null;
    List<Map.Entry<Expr, Expr>> tests = new ArrayList<>();
    for (CaseTree caseTree : switchTree.getCases()) {
      TreePath casePath = child(path, caseTree);
      Expr value = expression(child(casePath, caseTree.getBody()));
      if (caseTree.getExpressions().isEmpty()) {
        otherwise = value;
      } else {
        List<ExpressionTree> labels = List.copyOf(caseTree.getExpressions());
        tests.add(Map.entry(labelTest(path, labels, selector), value));
      }
    }
    Expr chain = otherwise;
    for (int i = tests.size() - 1; i >= 0; i--) {
      chain = new Expr.Conditional(tests.get(i).getKey(), tests.get(i).getValue(), chain, type);
    }
    return chain;
  }

  /** {@code new double[n]}, or an initialiser {@code {a, b}}: the fence admitted no other. */
  private Expr newArray(TreePath path, Type type) {
    NewArrayTree creation = (NewArrayTree) path.getLeaf();
    if (creation.getInitializers() == null) {
      Expr length = expression(child(path, creation.getDimensions().get(0)));
      return new Expr.Apply(Primitive.NEW_ARRAY, List.of(length), type, MathClass.MATH);
    }
    List<Expr> elements = new ArrayList<>();
    for (ExpressionTree element : creation.getInitializers()) {
      elements.add(expression(child(path, element)));
    }
    return new Expr.Apply(Primitive.ARRAY_OF, elements, type, MathClass.MATH);
  }

  /** An assignment, compound assignment, or increment, spelled out as {@code x = <expr>}. */
  private Stmt readUpdate(TreePath path, SourceLine line) {
    Tree update = path.getLeaf();
    if (TreeInfo.skipParentheses(updated(update)) instanceof ArrayAccessTree element) {
      return readStore(path, element, line);
    }
    if (update instanceof AssignmentTree assignment) {
      Variable target = variableAt(child(path, assignment.getVariable()));
      return new Stmt.Assign(target, expression(child(path, assignment.getExpression())), line);
    }
    if (update instanceof CompoundAssignmentTree compound) {
      Variable target = variableAt(child(path, compound.getVariable()));
      Expr operand = expression(child(path, compound.getExpression()));
      Primitive op = compoundOperator(compound);
      Type type = target.type() == Type.INT ? Type.INT : Type.DOUBLE;
      return new Stmt.Assign(target, apply(op, type, new Expr.Read(target), operand), line);
    }
    UnaryTree step = (UnaryTree) update;
    Variable target = variableAt(child(path, step.getExpression()));
    Primitive op = incrementOperator(step);
    Literal one = new Literal(1, "1", Type.INT);
    return new Stmt.Assign(target, apply(op, target.type(), new Expr.Read(target), one), line);
  }

  /** The variable or element an update writes. */
  private static ExpressionTree updated(Tree update) {
    if (update instanceof AssignmentTree assignment) {
      return assignment.getVariable();
    }
    if (update instanceof CompoundAssignmentTree compound) {
      return compound.getVariable();
    }
    return ((UnaryTree) update).getExpression();
  }

  /** {@code h[i] = v}, {@code h[i] += v} or {@code h[i]++}, written to a local array. */
  private Stmt readStore(TreePath path, ArrayAccessTree element, SourceLine line) {
    Tree update = path.getLeaf();
    TreePath elementPath = TreePath.getPath(path, element);
    Variable array = variableAt(child(elementPath, element.getExpression()));
    Expr index = expression(child(elementPath, element.getIndex()));
    Type type = array.type().elementType();
    Expr current = apply(Primitive.ELEMENT, type, new Expr.Read(array), index);
    Expr value;
    if (update instanceof AssignmentTree assignment) {
      value = expression(child(path, assignment.getExpression()));
    } else if (update instanceof CompoundAssignmentTree compound) {
      Expr operand = expression(child(path, compound.getExpression()));
      value = apply(compoundOperator(compound), type, current, operand);
    } else {
      Literal one = new Literal(1, "1", Type.INT);
      value = apply(incrementOperator((UnaryTree) update), type, current, one);
    }
    return new Stmt.Store(array, index, value, line);
  }

  private static Primitive compoundOperator(CompoundAssignmentTree compound) {
    return switch (compound.getKind()) {
      case PLUS_ASSIGNMENT -> Primitive.ADD;
      case MINUS_ASSIGNMENT -> Primitive.SUBTRACT;
      case MULTIPLY_ASSIGNMENT -> Primitive.MULTIPLY;
      case DIVIDE_ASSIGNMENT -> Primitive.DIVIDE;
      default -> throw unexpected(compound);
    };
  }

  private static Primitive incrementOperator(UnaryTree step) {
    return switch (step.getKind()) {
      case PREFIX_INCREMENT, POSTFIX_INCREMENT -> Primitive.ADD;
      case PREFIX_DECREMENT, POSTFIX_DECREMENT -> Primitive.SUBTRACT;
      default -> throw unexpected(step);
    };
  }

  private Variable variableAt(TreePath path) {
    Tree target = TreeInfo.skipParentheses((ExpressionTree) path.getLeaf());
    Variable variable = variables.get(trees.getElement(new TreePath(path.getParentPath(), target)));
    if (variable == null) {
      throw unexpected(path.getLeaf());
    }
    return variable;
  }

  // --- expressions ---

  private Expr expression(TreePath path) {
    Tree tree = path.getLeaf();
    Type type = Type.of(trees.getTypeMirror(path).getKind());
    switch (tree.getKind()) {
      case INT_LITERAL, LONG_LITERAL, DOUBLE_LITERAL -> {
        return literal(((Number) ((LiteralTree) tree).getValue()), source.of(tree), type);
      }
      case IDENTIFIER, MEMBER_SELECT -> {
        return reference(path);
      }
      case PARENTHESIZED, UNARY_PLUS -> {
        ExpressionTree inner =
            tree instanceof ParenthesizedTree parenthesized
                ? parenthesized.getExpression()
                : ((UnaryTree) tree).getExpression();
        return expression(child(path, inner));
      }
      case UNARY_MINUS -> {
        Expr operand = expression(child(path, ((UnaryTree) tree).getExpression()));
        if (operand instanceof Literal literal && canFoldNegation(literal)) {
          return negated(literal);
        }
        return apply(Primitive.NEGATE, type, operand);
      }
      case PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER -> {
        BinaryTree binary = (BinaryTree) tree;
        Primitive op =
            switch (tree.getKind()) {
              case PLUS -> Primitive.ADD;
              case MINUS -> Primitive.SUBTRACT;
              case MULTIPLY -> Primitive.MULTIPLY;
              case REMAINDER -> Primitive.REMAINDER;
              default -> Primitive.DIVIDE;
            };
        Expr left = expression(child(path, binary.getLeftOperand()));
        Expr right = expression(child(path, binary.getRightOperand()));
        return apply(op, type, left, right);
      }
      case METHOD_INVOCATION -> {
        return call(path);
      }
      case ARRAY_ACCESS -> {
        ArrayAccessTree access = (ArrayAccessTree) tree;
        Expr array = expression(child(path, access.getExpression()));
        Expr index = expression(child(path, access.getIndex()));
        return apply(Primitive.ELEMENT, type, array, index);
      }
      case LESS_THAN,
          LESS_THAN_EQUAL,
          GREATER_THAN,
          GREATER_THAN_EQUAL,
          EQUAL_TO,
          NOT_EQUAL_TO,
          CONDITIONAL_AND,
          CONDITIONAL_OR -> {
        BinaryTree binary = (BinaryTree) tree;
        Expr left = expression(child(path, binary.getLeftOperand()));
        Expr right = expression(child(path, binary.getRightOperand()));
        return apply(logic(tree.getKind()), Type.BOOLEAN, left, right);
      }
      case LOGICAL_COMPLEMENT -> {
        Expr operand = expression(child(path, ((UnaryTree) tree).getExpression()));
        return apply(Primitive.NOT, Type.BOOLEAN, operand);
      }
      case BOOLEAN_LITERAL -> {
        boolean value = (Boolean) ((LiteralTree) tree).getValue();
        return new Literal(value ? 1 : 0, Boolean.toString(value), Type.BOOLEAN);
      }
      case SWITCH_EXPRESSION -> {
        return readSwitchExpression(path, (SwitchExpressionTree) tree, type);
      }
      case CONDITIONAL_EXPRESSION -> {
        ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
        return new Expr.Conditional(
            expression(child(path, conditional.getCondition())),
            expression(child(path, conditional.getTrueExpression())),
            expression(child(path, conditional.getFalseExpression())),
            type);
      }
      case TYPE_CAST -> {
        Expr operand = expression(child(path, ((TypeCastTree) tree).getExpression()));
        return operand.type() == Type.DOUBLE ? operand : apply(Primitive.TO_DOUBLE, type, operand);
      }
      default -> throw unexpected(tree);
    }
  }

  private static Primitive logic(Tree.Kind kind) {
    return switch (kind) {
      case LESS_THAN -> Primitive.LESS;
      case LESS_THAN_EQUAL -> Primitive.LESS_EQUAL;
      case GREATER_THAN -> Primitive.GREATER;
      case GREATER_THAN_EQUAL -> Primitive.GREATER_EQUAL;
      case EQUAL_TO -> Primitive.EQUAL;
      case NOT_EQUAL_TO -> Primitive.NOT_EQUAL;
      case CONDITIONAL_AND -> Primitive.AND;
      case CONDITIONAL_OR -> Primitive.OR;
      default ->
          throw new IllegalArgumentException("not a comparison or logical operator: " + kind);
    };
  }

  private Expr reference(TreePath path) {
    if (path.getLeaf() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("length")
        && variables.get(trees.getElement(new TreePath(path, select.getExpression()))) != null) {
      Expr array = expression(new TreePath(path, select.getExpression()));
      return apply(Primitive.LENGTH, Type.INT, array);
    }
    Element element = trees.getElement(path);
    Variable variable = variables.get(element);
    if (variable != null) {
      return new Expr.Read(variable);
    }
    VariableElement field = (VariableElement) element;
    Type type = Type.of(field.asType().getKind());
    if (!References.isVisibleFrom(field, packageName)) {
      // The fence admitted it only because it is a compile-time constant: inline its value.
      return literal((Number) field.getConstantValue(), "", type);
    }
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    return new Constant(
        References.packageOf(owner),
        References.classNames(owner),
        field.getSimpleName().toString(),
        type);
  }

  private Expr call(TreePath path) {
    MethodInvocationTree invocation = (MethodInvocationTree) path.getLeaf();
    ExecutableElement method = (ExecutableElement) trees.getElement(path);
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    List<Expr> args = new ArrayList<>();
    for (ExpressionTree argument : invocation.getArguments()) {
      args.add(expression(child(path, argument)));
    }
    Type type = Type.of(method.getReturnType().getKind());
    MathClass mathClass = MathClass.named(owner.getQualifiedName().toString());
    if (mathClass == null) {
      return new Expr.Apply(Primitive.CALL_METHOD, args, type, methodRef(method));
    }
    Primitive function =
        Primitive.mathFunction(method.getSimpleName().toString(), method.getParameters().size())
            .orElseThrow(() -> unexpected(invocation));
    return new Expr.Apply(function, args, type, mathClass);
  }

  private static MethodRef methodRef(ExecutableElement method) {
    List<MethodRef.Param> params = new ArrayList<>();
    Set<String> wrt = References.wrtNames(method);
    for (VariableElement parameter : method.getParameters()) {
      String name = parameter.getSimpleName().toString();
      Type type = Type.of(parameter.asType());
      params.add(new MethodRef.Param(name, type, Function.differentiates(wrt, name, type)));
    }
    return new MethodRef(
        References.packageOf(method),
        References.classNames((TypeElement) method.getEnclosingElement()),
        method.getSimpleName().toString(),
        params,
        Type.of(method.getReturnType().getKind()),
        References.isDifferentiable(method),
        GeneratedNames.generatedClass(method).simpleName());
  }

  /**
   * A literal that keeps the user's spelling ({@code 1e-3}, {@code 0x10}, {@code 1_000}) when it is
   * a plain one, and otherwise (unicode escapes, an inlined constant) spells the value itself.
   */
  private static Literal literal(Number value, String spelling, Type type) {
    if (spelling.matches("[0-9][0-9a-fA-FxX_.+\\-pPlLdD]*")) {
      return new Literal(value.doubleValue(), spelling, type);
    }
    String text =
        switch (type) {
          case DOUBLE -> Literal.javaText(value.doubleValue());
          case LONG -> value.longValue() + "L";
          default -> Integer.toString(value.intValue());
        };
    return new Literal(value.doubleValue(), text, type);
  }

  /**
   * Whether {@code -literal} can be written as one literal. Not for a negative int or long: its
   * negation may not be a literal at all ({@code -(-2147483648)} overflows back to itself), so it
   * stays an operation with Java's own semantics.
   */
  private static boolean canFoldNegation(Literal literal) {
    return literal.type() == Type.DOUBLE || !literal.text().startsWith("-");
  }

  /** {@code -literal}, negated in its own type: {@code -0x80000000} is Integer.MIN_VALUE again. */
  private static Literal negated(Literal literal) {
    String text =
        literal.text().startsWith("-") ? literal.text().substring(1) : "-" + literal.text();
    double value =
        switch (literal.type()) {
          case INT -> -(int) literal.value();
          case LONG -> -(long) literal.value();
          default -> -literal.value();
        };
    return new Literal(value, text, literal.type());
  }

  private static final Literal TRUE = new Literal(1, "true", Type.BOOLEAN);

  private static Expr apply(Primitive op, Type type, Expr... args) {
    return new Expr.Apply(op, List.of(args), type, MathClass.MATH);
  }

  private static TreePath child(TreePath parent, Tree child) {
    return new TreePath(parent, child);
  }

  private static IllegalStateException unexpected(Tree tree) {
    return new IllegalStateException(
        "the language fence let through " + tree.getKind() + ": " + tree);
  }
}
