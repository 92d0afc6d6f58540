package dev.chainrule.processor.check;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
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
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
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
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.chainrule.processor.ir.MathClass;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.read.References;
import dev.chainrule.processor.read.TreeInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The language fence: walks a method body and lets through exactly the constructs chainrule can
 * differentiate, reporting every other one on its own tree. Whatever passes can be read into the IR
 * without further checks.
 */
public final class LanguageFence extends TreePathScanner<Void, ValidationReport> {
  private static final Set<Tree.Kind> STATEMENTS =
      EnumSet.of(
          Tree.Kind.VARIABLE,
          Tree.Kind.EXPRESSION_STATEMENT,
          Tree.Kind.RETURN,
          Tree.Kind.BLOCK,
          Tree.Kind.EMPTY_STATEMENT,
          Tree.Kind.IF,
          Tree.Kind.SWITCH,
          Tree.Kind.FOR_LOOP,
          Tree.Kind.ENHANCED_FOR_LOOP,
          Tree.Kind.WHILE_LOOP,
          Tree.Kind.DO_WHILE_LOOP,
          Tree.Kind.BREAK,
          Tree.Kind.CONTINUE);

  private static final Set<Tree.Kind> EXPRESSIONS =
      EnumSet.of(
          Tree.Kind.INT_LITERAL,
          Tree.Kind.LONG_LITERAL,
          Tree.Kind.DOUBLE_LITERAL,
          Tree.Kind.IDENTIFIER,
          Tree.Kind.MEMBER_SELECT,
          Tree.Kind.PARENTHESIZED,
          Tree.Kind.UNARY_MINUS,
          Tree.Kind.UNARY_PLUS,
          Tree.Kind.PLUS,
          Tree.Kind.MINUS,
          Tree.Kind.MULTIPLY,
          Tree.Kind.DIVIDE,
          Tree.Kind.REMAINDER,
          Tree.Kind.METHOD_INVOCATION,
          Tree.Kind.TYPE_CAST,
          Tree.Kind.CONDITIONAL_EXPRESSION,
          Tree.Kind.SWITCH_EXPRESSION,
          Tree.Kind.ARRAY_ACCESS,
          Tree.Kind.LESS_THAN,
          Tree.Kind.LESS_THAN_EQUAL,
          Tree.Kind.GREATER_THAN,
          Tree.Kind.GREATER_THAN_EQUAL,
          Tree.Kind.EQUAL_TO,
          Tree.Kind.NOT_EQUAL_TO,
          Tree.Kind.CONDITIONAL_AND,
          Tree.Kind.CONDITIONAL_OR,
          Tree.Kind.LOGICAL_COMPLEMENT,
          Tree.Kind.BOOLEAN_LITERAL);

  /** Where a boolean belongs: a condition, or an operand of a logical operator. */
  private static final Set<Tree.Kind> TAKE_BOOLEANS =
      EnumSet.of(Tree.Kind.CONDITIONAL_AND, Tree.Kind.CONDITIONAL_OR, Tree.Kind.LOGICAL_COMPLEMENT);

  /** The statement forms an expression statement may take. */
  private static final Set<Tree.Kind> UPDATES =
      EnumSet.of(
          Tree.Kind.ASSIGNMENT,
          Tree.Kind.PLUS_ASSIGNMENT,
          Tree.Kind.MINUS_ASSIGNMENT,
          Tree.Kind.MULTIPLY_ASSIGNMENT,
          Tree.Kind.DIVIDE_ASSIGNMENT,
          Tree.Kind.PREFIX_INCREMENT,
          Tree.Kind.POSTFIX_INCREMENT,
          Tree.Kind.PREFIX_DECREMENT,
          Tree.Kind.POSTFIX_DECREMENT);

  private final Trees trees;
  private final Reachability reachability;
  private final String packageName;
  private final String generatedClass;
  private final List<CallSite> calls = new ArrayList<>();

  /** A call of another {@code @Differentiable} method, found in the body. */
  public record CallSite(TreePath path, ExecutableElement callee) {}

  private LanguageFence(Trees trees, String packageName, String generatedClass) {
    this.trees = trees;
    this.reachability = new Reachability(trees);
    this.packageName = packageName;
    this.generatedClass = generatedClass;
  }

  /**
   * Checks the body of {@code method}, found at {@code methodPath}, adding problems to {@code
   * report}.
   */
  public static List<CallSite> check(
      Trees trees,
      TreePath methodPath,
      ExecutableElement method,
      String generatedClass,
      ValidationReport report) {
    String packageName = References.packageOf(method);
    LanguageFence fence = new LanguageFence(trees, packageName, generatedClass);
    BlockTree body = ((MethodTree) methodPath.getLeaf()).getBody();
    fence.scan(new TreePath(methodPath, body), report);
    return List.copyOf(fence.calls);
  }

  /** Admits a tree through the fence before looking inside it. */
  @Override
  public Void scan(Tree tree, ValidationReport report) {
    if (tree == null || !admits(new TreePath(getCurrentPath(), tree), report)) {
      return null;
    }
    return super.scan(tree, report);
  }

  private boolean admits(TreePath path, ValidationReport report) {
    Tree tree = path.getLeaf();
    if (tree instanceof CaseTree) {
      return true; // visitCase checks it against its switch
    }
    if (UPDATES.contains(tree.getKind())
        && path.getParentPath().getLeaf().getKind() == Tree.Kind.EXPRESSION_STATEMENT) {
      return true;
    }
    if (tree instanceof StatementTree && !(tree instanceof ExpressionTree)) {
      if (STATEMENTS.contains(tree.getKind())) {
        return true;
      }
      report.add(Problem.at(path, Messages.unsupportedStatement(Constructs.describe(tree))));
      return false;
    }
    if (tree.getKind() == Tree.Kind.NEW_ARRAY) {
      report.add(Problem.at(path, Messages.arrayCreation()));
      return false;
    }
    if (!EXPRESSIONS.contains(tree.getKind())) {
      boolean assignment = tree instanceof AssignmentTree || tree instanceof CompoundAssignmentTree;
      report.add(
          Problem.at(
              path,
              assignment
                  ? Messages.nestedAssignment(tree.toString())
                  : Messages.unsupportedExpression(Constructs.describe(tree))));
      return false;
    }
    TypeMirror type = trees.getTypeMirror(path);
    if (type == null || type.getKind() == TypeKind.ERROR) {
      report.markUnresolved();
      return false;
    }
    if (tree.getKind() == Tree.Kind.REMAINDER
        && type.getKind() != TypeKind.INT
        && type.getKind() != TypeKind.LONG) {
      // Of ints, for indices and counters; a double remainder has a derivative with jumps.
      report.add(Problem.at(path, Messages.unsupportedExpression(Constructs.describe(tree))));
      return false;
    }
    if (type.getKind() == TypeKind.ARRAY && isArrayArgument(path)) {
      return true;
    }
    Type irType = Type.of(type.getKind());
    boolean wantsBoolean = expectsBoolean(path);
    if (irType == Type.BOOLEAN && !wantsBoolean) {
      report.add(Problem.at(path, Messages.booleanOutsideCondition(tree.toString())));
      return false;
    }
    if (irType == null || irType.isNumeric() == wantsBoolean) {
      report.add(Problem.at(path, Messages.unsupportedType(tree.toString(), String.valueOf(type))));
      return false;
    }
    return true;
  }

  /**
   * Whether the expression at {@code path} stands where Java wants a boolean: an {@code if}'s or a
   * {@code ?:}'s condition, or an operand of {@code &&}, {@code ||} or {@code !}. Everywhere else
   * chainrule computes with numbers.
   */
  private boolean expectsBoolean(TreePath path) {
    Tree tree = path.getLeaf();
    Tree parent = path.getParentPath().getLeaf();
    if (parent instanceof ParenthesizedTree) {
      return expectsBoolean(path.getParentPath());
    }
    return TAKE_BOOLEANS.contains(parent.getKind())
        || isBooleanArgument(path)
        || (parent instanceof IfTree branch && branch.getCondition() == tree)
        || (parent instanceof WhileLoopTree loop && loop.getCondition() == tree)
        || (parent instanceof DoWhileLoopTree loop && loop.getCondition() == tree)
        || (parent instanceof ForLoopTree loop && loop.getCondition() == tree)
        || (parent instanceof ConditionalExpressionTree conditional
            && conditional.getCondition() == tree);
  }

  /**
   * A switch on an int local or parameter, with arrow cases, or colon cases that each end in {@code
   * break} or {@code return} (no fall-through): read as an else-if chain on its labels.
   */
  @Override
  public Void visitSwitch(SwitchTree tree, ValidationReport report) {
    if (checkSelector(tree.getExpression(), report)) {
      tree.getCases().forEach(c -> scan(c, report));
    }
    return null;
  }

  /** A switch expression, with arrow cases whose bodies are expressions. */
  @Override
  public Void visitSwitchExpression(SwitchExpressionTree tree, ValidationReport report) {
    if (checkSelector(tree.getExpression(), report)) {
      tree.getCases().forEach(c -> scan(c, report));
    }
    return null;
  }

  @Override
  public Void visitCase(CaseTree tree, ValidationReport report) {
    Tree owner = getCurrentPath().getParentPath().getLeaf();
    tree.getExpressions().forEach(label -> scan(label, report));
    if (owner instanceof SwitchExpressionTree
        && (tree.getCaseKind() != CaseTree.CaseKind.RULE
            || !(tree.getBody() instanceof ExpressionTree))) {
      reject(Messages.switchExpressionArm(), report);
      return null;
    }
    if (tree.getCaseKind() == CaseTree.CaseKind.RULE) {
      return scan(tree.getBody(), report);
    }
    List<? extends CaseTree> cases = ((SwitchTree) owner).getCases();
    List<? extends StatementTree> statements = tree.getStatements();
    boolean last = cases.get(cases.size() - 1) == tree;
    if (!statements.isEmpty()
        && !last
        && !(statements.get(statements.size() - 1) instanceof BreakTree)
        && reachability.completesNormally(getCurrentPath(), statements)) {
      reject(Messages.fallThrough(), report);
      return null;
    }
    for (StatementTree statement : statements) {
      boolean finalBreak =
          statement == statements.get(statements.size() - 1)
              && statement instanceof BreakTree breakTree
              && breakTree.getLabel() == null;
      if (!finalBreak) {
        scan(statement, report);
      }
    }
    return null;
  }

  /** The selector must be an int local or parameter: the chain of tests reads it many times. */
  private boolean checkSelector(ExpressionTree written, ValidationReport report) {
    ExpressionTree selector = TreeInfo.skipParentheses(written);
    TreePath path = new TreePath(getCurrentPath(), selector);
    Element element = trees.getElement(path);
    TypeMirror type = trees.getTypeMirror(path);
    if (type == null || type.getKind() == TypeKind.ERROR) {
      report.markUnresolved();
      return false;
    }
    if (!(selector instanceof IdentifierTree)
        || !References.isVariable(element)
        || (type.getKind() != TypeKind.INT && type.getKind() != TypeKind.LONG)) {
      report.add(Problem.at(path, Messages.switchSelector(selector.toString())));
      return false;
    }
    return true;
  }

  /**
   * {@code xs[i]}: an element of a {@code double[]} or {@code int[]} parameter or local array; the
   * index is an int expression like any other.
   */
  @Override
  public Void visitArrayAccess(ArrayAccessTree tree, ValidationReport report) {
    TreePath array = new TreePath(getCurrentPath(), tree.getExpression());
    if (!isArrayVariable(array)) {
      report.add(Problem.at(array, Messages.arrayAccess(tree.getExpression().toString())));
      return null;
    }
    return scan(tree.getIndex(), report);
  }

  /** A {@code double[]} or {@code int[]} parameter or local, named as it is. */
  private boolean isArrayVariable(TreePath path) {
    Element element = trees.getElement(path);
    return path.getLeaf() instanceof IdentifierTree
        && element != null
        && References.isVariable(element)
        && Type.of(element.asType()) != null
        && Type.of(element.asType()).isArray();
  }

  /**
   * A local array, made where it is declared with {@code new double[n]} or an initialiser and never
   * assigned as a whole: its elements are read and written, the array itself goes nowhere.
   */
  private void checkLocalArray(VariableTree tree, ValidationReport report) {
    ExpressionTree initializer = tree.getInitializer();
    if (!(initializer instanceof NewArrayTree creation)
        || (creation.getInitializers() == null && creation.getDimensions().size() != 1)) {
      reject(Messages.localArray(tree.getName().toString()), report);
      return;
    }
    List<? extends ExpressionTree> parts =
        creation.getInitializers() != null ? creation.getInitializers() : creation.getDimensions();
    parts.forEach(part -> scan(part, report));
  }

  /**
   * A {@code double[]} or {@code int[]} parameter or local passed whole to another
   * {@code @Differentiable} method, which reads it and never writes it.
   */
  private boolean isArrayArgument(TreePath path) {
    if (!(path.getParentPath().getLeaf() instanceof MethodInvocationTree call)
        || !call.getArguments().contains(path.getLeaf())
        || !isArrayVariable(path)) {
      return false;
    }
    Element callee = trees.getElement(path.getParentPath());
    return callee instanceof ExecutableElement method && References.isDifferentiable(method);
  }

  /** An argument for a boolean parameter of a called method. */
  private boolean isBooleanArgument(TreePath path) {
    if (!(path.getParentPath().getLeaf() instanceof MethodInvocationTree call)) {
      return false;
    }
    int index = call.getArguments().indexOf(path.getLeaf());
    Element element = trees.getElement(path.getParentPath());
    return index >= 0
        && element instanceof ExecutableElement method
        && index < method.getParameters().size()
        && method.getParameters().get(index).asType().getKind() == TypeKind.BOOLEAN;
  }

  @Override
  public Void visitReturn(ReturnTree tree, ValidationReport report) {
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    if (parent instanceof BlockTree block && !isLast(tree, block)) {
      reject(Messages.returnNotLast(), report);
      return null;
    }
    return super.visitReturn(tree, report);
  }

  private static boolean isLast(StatementTree statement, BlockTree block) {
    List<? extends StatementTree> statements = block.getStatements();
    return statements.get(statements.size() - 1) == statement;
  }

  @Override
  public Void visitVariable(VariableTree tree, ValidationReport report) {
    Element local = trees.getElement(getCurrentPath());
    if (local == null || local.asType().getKind() == TypeKind.ERROR) {
      report.markUnresolved();
      return null;
    }
    Type localType = Type.of(local.asType());
    if (localType != null && localType.isArray()) {
      checkLocalArray(tree, report);
      return null;
    }
    if (local.asType().getKind() != TypeKind.DOUBLE && local.asType().getKind() != TypeKind.INT) {
      String type = local.asType().toString();
      reject(Messages.localType(tree.getName().toString(), type), report);
      return null;
    }
    return scan(tree.getInitializer(), report);
  }

  @Override
  public Void visitWhileLoop(WhileLoopTree tree, ValidationReport report) {
    return endless(tree.getStatement(), report) ? null : super.visitWhileLoop(tree, report);
  }

  @Override
  public Void visitDoWhileLoop(DoWhileLoopTree tree, ValidationReport report) {
    return endless(tree.getStatement(), report) ? null : super.visitDoWhileLoop(tree, report);
  }

  @Override
  public Void visitForLoop(ForLoopTree tree, ValidationReport report) {
    return endless(tree.getStatement(), report) ? null : super.visitForLoop(tree, report);
  }

  /**
   * Reports the loop being visited if it never ends: it cannot complete and nothing in it returns,
   * so the method could never produce a value to differentiate.
   */
  private boolean endless(StatementTree body, ValidationReport report) {
    if (reachability.completesNormally(getCurrentPath()) || Loops.returnsIn(body)) {
      return false;
    }
    reject(Messages.endlessLoop(), report);
    return true;
  }

  /** {@code for (double x : xs)}: over an array parameter, read element by element. */
  @Override
  public Void visitEnhancedForLoop(EnhancedForLoopTree tree, ValidationReport report) {
    TreePath array = new TreePath(getCurrentPath(), tree.getExpression());
    if (!isArrayVariable(array)) {
      report.add(Problem.at(array, Messages.enhancedForOver(tree.getExpression().toString())));
      return null;
    }
    scan(tree.getVariable(), report);
    return scan(tree.getStatement(), report);
  }

  /**
   * An unlabeled break of a loop. (A labeled one can only stand inside a labeled statement, which
   * is rejected whole.)
   */
  @Override
  public Void visitBreak(BreakTree tree, ValidationReport report) {
    if (Loops.breaksSwitch(getCurrentPath())) {
      reject(Messages.breakInSwitch(), report);
    }
    return null;
  }

  @Override
  public Void visitExpressionStatement(ExpressionStatementTree tree, ValidationReport report) {
    ExpressionTree expression = tree.getExpression();
    if (!UPDATES.contains(expression.getKind())) {
      reject(Messages.unsupportedStatement("'" + tree.toString().strip() + "'"), report);
      return null;
    }
    return scan(expression, report);
  }

  @Override
  public Void visitAssignment(AssignmentTree tree, ValidationReport report) {
    TypeMirror target = trees.getTypeMirror(new TreePath(getCurrentPath(), tree.getVariable()));
    if (!checkTarget(tree.getVariable(), report)
        && target != null
        && target.getKind() == TypeKind.ARRAY) {
      return null; // an array assigned whole: what it is assigned is beside the point
    }
    return scan(tree.getExpression(), report);
  }

  @Override
  public Void visitCompoundAssignment(CompoundAssignmentTree tree, ValidationReport report) {
    if (checkTarget(tree.getVariable(), report)) {
      // i += 0.5 compiles, narrowing the sum back to int: a conversion chainrule does not model.
      TypeMirror target = trees.getTypeMirror(new TreePath(getCurrentPath(), tree.getVariable()));
      TypeMirror operand =
          trees.getTypeMirror(new TreePath(getCurrentPath(), tree.getExpression()));
      if (target.getKind() == TypeKind.INT
          && operand != null
          && operand.getKind() != TypeKind.INT
          && operand.getKind() != TypeKind.ERROR) {
        reject(Messages.narrowingUpdate(tree.toString(), operand.toString()), report);
        return null;
      }
    }
    return scan(tree.getExpression(), report);
  }

  @Override
  public Void visitUnary(UnaryTree tree, ValidationReport report) {
    if (UPDATES.contains(tree.getKind())) {
      checkTarget(tree.getExpression(), report);
      return null;
    }
    return super.visitUnary(tree, report);
  }

  /**
   * The variable an update writes, which must be a double or int parameter or local; returns
   * whether it is one.
   */
  private boolean checkTarget(ExpressionTree written, ValidationReport report) {
    ExpressionTree target = TreeInfo.skipParentheses(written);
    TreePath path = new TreePath(getCurrentPath(), target);
    TypeMirror type = trees.getTypeMirror(path);
    if (type == null || type.getKind() == TypeKind.ERROR) {
      report.markUnresolved();
      return false;
    }
    if (target instanceof ArrayAccessTree element) {
      return checkElementTarget(path, element, report);
    }
    Element element = trees.getElement(path);
    TypeKind kind = element == null ? null : element.asType().getKind();
    if (!(target instanceof IdentifierTree)
        || !References.isVariable(element)
        || (kind != TypeKind.DOUBLE && kind != TypeKind.INT)) {
      String description =
          element != null && References.isVariable(element)
              ? element.getSimpleName() + " (of type " + element.asType() + ")"
              : target.toString();
      report.add(Problem.at(path, Messages.assignmentTarget(description)));
      return false;
    }
    return true;
  }

  /**
   * An element written: of a local array, whose index is scanned like any expression. A parameter's
   * elements are the caller's, and are never written.
   */
  private boolean checkElementTarget(
      TreePath path, ArrayAccessTree element, ValidationReport report) {
    TreePath array = new TreePath(path, element.getExpression());
    Element variable = trees.getElement(array);
    if (isArrayVariable(array) && variable.getKind() == ElementKind.PARAMETER) {
      report.add(
          Problem.at(path, Messages.parameterArrayWrite(variable.getSimpleName().toString())));
      return false;
    }
    if (!isArrayVariable(array)) {
      report.add(Problem.at(path, Messages.assignmentTarget(element.toString())));
      return false;
    }
    scan(element.getIndex(), report);
    return true;
  }

  @Override
  public Void visitIdentifier(IdentifierTree tree, ValidationReport report) {
    checkReference(tree, report);
    return null;
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree tree, ValidationReport report) {
    TreePath qualifier = new TreePath(getCurrentPath(), tree.getExpression());
    if (tree.getIdentifier().contentEquals("length")) {
      if (isArrayVariable(qualifier)) {
        return null; // xs.length
      }
      TypeMirror type = trees.getTypeMirror(qualifier);
      if (type != null && type.getKind() == TypeKind.ARRAY) {
        report.add(Problem.at(qualifier, Messages.arrayAccess(tree.getExpression().toString())));
        return null;
      }
    }
    // The qualifier of a static member must name a class (Math.PI), not compute something: it is
    // not descended into. An instance member is rejected for what it is.
    if (!isStatic(trees.getElement(getCurrentPath())) || qualifiedByType(tree, report)) {
      checkReference(tree, report);
    }
    return null;
  }

  private static boolean isStatic(Element element) {
    return element != null && element.getModifiers().contains(Modifier.STATIC);
  }

  /**
   * Whether what stands before the dot of {@code select} names a class or package. A static member
   * read through an expression ({@code helper().PI}, {@code new D().K}) would be generated without
   * that expression, so it is reported rather than silently dropped.
   */
  private boolean qualifiedByType(MemberSelectTree select, ValidationReport report) {
    TreePath selectPath =
        getCurrentPath().getLeaf() == select
            ? getCurrentPath()
            : new TreePath(getCurrentPath(), select);
    TreePath qualifier = new TreePath(selectPath, select.getExpression());
    Element element = trees.getElement(qualifier);
    if (element instanceof TypeElement || element instanceof PackageElement) {
      return true;
    }
    report.add(
        Problem.at(qualifier, Messages.memberThroughExpression(select.getExpression().toString())));
    return false;
  }

  private void checkReference(ExpressionTree tree, ValidationReport report) {
    Element element = trees.getElement(getCurrentPath());
    if (References.isVariable(element)) {
      return;
    }
    if (References.isStaticFinalField(element)) {
      VariableElement field = (VariableElement) element;
      if (!References.isVisibleFrom(field, packageName) && field.getConstantValue() == null) {
        reject(Messages.inaccessibleConstant(tree.toString(), generatedClass), report);
      }
      return;
    }
    if (element != null && element.getKind().isField()) {
      reject(Messages.notAConstant(tree.toString()), report);
      return;
    }
    reject(Messages.unsupportedReference(tree.toString()), report);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree tree, ValidationReport report) {
    Element element = trees.getElement(getCurrentPath());
    String call = tree.getMethodSelect() + "(...)";
    if (!(element instanceof ExecutableElement method)
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      reject(Messages.unsupportedCall(call), report);
      return null;
    }
    if (isStatic(method)
        && tree.getMethodSelect() instanceof MemberSelectTree select
        && !qualifiedByType(select, report)) {
      return null;
    }
    if (MathClass.named(owner.getQualifiedName().toString()) == null) {
      checkUserCall(method, call, report);
      return null;
    }
    if (Primitive.mathFunction(method.getSimpleName().toString(), method.getParameters().size())
        .isEmpty()) {
      String function = owner.getSimpleName() + "." + method.getSimpleName() + "(...)";
      reject(Messages.unsupportedMathFunction(function), report);
      return null;
    }
    // Only the arguments: the method select names a function, not a value.
    for (ExpressionTree argument : tree.getArguments()) {
      scan(argument, report);
    }
    return null;
  }

  /**
   * A call of the user's own code: another {@code @Differentiable} method, differentiated through
   * its generated class, or a static method returning an int, long or boolean, a constant for
   * differentiation. Both are called from generated code, so they must be visible there.
   */
  private void checkUserCall(ExecutableElement method, String call, ValidationReport report) {
    MethodInvocationTree tree = (MethodInvocationTree) getCurrentPath().getLeaf();
    boolean differentiable = References.isDifferentiable(method);
    Type returnType = Type.of(method.getReturnType().getKind());
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      reject(Messages.unsupportedCall(call), report);
      return;
    }
    if (!differentiable && (returnType == null || returnType.isDifferentiable())) {
      reject(
          returnType == Type.DOUBLE
              ? Messages.callToNonDifferentiable(call, method.getSimpleName().toString())
              : Messages.unsupportedCall(call),
          report);
      return;
    }
    if (!References.isVisibleFrom(method, packageName)) {
      reject(Messages.invisibleMethod(call, generatedClass), report);
      return;
    }
    if (differentiable) {
      calls.add(new CallSite(getCurrentPath(), method));
    }
    for (ExpressionTree argument : tree.getArguments()) {
      scan(argument, report);
    }
  }

  @Override
  public Void visitTypeCast(TypeCastTree tree, ValidationReport report) {
    TypeMirror target = trees.getTypeMirror(getCurrentPath());
    if (target.getKind() != TypeKind.DOUBLE) {
      reject(Messages.unsupportedCast(tree.getType().toString()), report);
      return null;
    }
    return scan(tree.getExpression(), report);
  }

  /** Reports the tree being visited. */
  private void reject(String message, ValidationReport report) {
    report.add(Problem.at(getCurrentPath(), message));
  }
}
