/// A syntax error in a pattern, with the 1-based column (in Unicode scalars) where it was found.
struct PatternSyntaxError: Error, Sendable {
  var column: Int
  var message: String
}

/// Reads NegBio's pattern language ("ngrex", a subset of Semgrex) into a `PatternTree`.
///
/// Grammar (the original's, PLY/yacc):
///
///     SubNode      : ModNode RelationDisj? | "(" SubNode ")" RelationDisj?
///     RelationDisj : RelationConj ("|" RelationConj)*
///     RelationConj : Relation ("&"? Relation)*
///     Relation     : ("<" | ">") "{" Attributes "}" (ModNode | "(" SubNode ")")
///     ModNode      : "{" Attributes "}" ("=" IDENTIFIER)?
///     Attributes   : (IDENTIFIER ":" REGEX ("," Attributes)?)?
///
/// Tokens: spaces, tabs and carriage returns between tokens are skipped; an identifier is a run of characters
/// other than space, line breaks and ``!@#$%^&*()+={}[]|\;':",./<>?`~-``; a regex is `/…/` on one line
/// (ending at the first `/`).
struct PatternParser {
  enum Token: Equatable {
    case relation(outgoing: Bool)
    case identifier(String)
    case regex(String)
    case symbol(Unicode.Scalar)
    case end
  }

  struct Lexeme {
    var token: Token
    var column: Int
  }

  private var lexemes: [Lexeme]
  private var position = 0
  private var nextNodeID = 0
  private var nextEdgeID = 0

  /// Parses a whole pattern.
  static func parse(_ text: String) throws(PatternSyntaxError) -> PatternTree {
    var parser = PatternParser(lexemes: try lex(text))
    let tree = try parser.subNode()
    guard case .end = parser.peek.token else {
      throw parser.unexpected("the end of the pattern")
    }
    try validateNames(tree)
    return tree
  }

  private init(lexemes: [Lexeme]) { self.lexemes = lexemes }

  // MARK: - Lexing

  private static let symbols: Set<Unicode.Scalar> = ["{", "}", "(", ")", "&", "[", "]", ":", "|", ",", "="]
  private static let notInIdentifier: Set<Unicode.Scalar> = Set(" \n\r!@#$%^&*()+={}[]|\\;':\",./<>?`~-".unicodeScalars)

  static func lex(_ text: String) throws(PatternSyntaxError) -> [Lexeme] {
    let scalars = Array(text.unicodeScalars)
    var lexemes: [Lexeme] = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      let column = index + 1
      if scalar == " " || scalar == "\t" || scalar == "\r" {
        index += 1
      } else if scalar == "<" || scalar == ">" {
        lexemes.append(Lexeme(token: .relation(outgoing: scalar == ">"), column: column))
        index += 1
      } else if scalar == "/" {
        var end = index + 1
        while end < scalars.count, scalars[end] != "/", scalars[end] != "\n", scalars[end] != "\r" { end += 1 }
        guard end < scalars.count, scalars[end] == "/" else {
          throw PatternSyntaxError(column: column, message: "This regular expression is never closed with `/`.")
        }
        var body = String.UnicodeScalarView()
        body.append(contentsOf: scalars[(index + 1)..<end])
        lexemes.append(Lexeme(token: .regex(String(body)), column: column))
        index = end + 1
      } else if !notInIdentifier.contains(scalar) {
        var end = index
        while end < scalars.count, !notInIdentifier.contains(scalars[end]) { end += 1 }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: scalars[index..<end])
        lexemes.append(Lexeme(token: .identifier(String(name)), column: column))
        index = end
      } else if symbols.contains(scalar) {
        lexemes.append(Lexeme(token: .symbol(scalar), column: column))
        index += 1
      } else {
        throw PatternSyntaxError(column: column, message: "Unexpected character `\(scalar.escaped(asASCII: true))`.")
      }
    }
    lexemes.append(Lexeme(token: .end, column: scalars.count + 1))
    return lexemes
  }

  // MARK: - Parsing

  private var peek: Lexeme { lexemes[position] }

  private func isSymbol(_ symbol: Unicode.Scalar) -> Bool { peek.token == .symbol(symbol) }

  private var isRelation: Bool {
    if case .relation = peek.token { return true }
    return false
  }

  private func unexpected(_ expected: String) -> PatternSyntaxError {
    let found: String
    switch peek.token {
    case .relation(let outgoing): found = outgoing ? "`>`" : "`<`"
    case .identifier(let name): found = "`\(name)`"
    case .regex(let body): found = "`/\(body)/`"
    case .symbol(let symbol): found = "`\(symbol)`"
    case .end: found = "the end of the pattern"
    }
    return PatternSyntaxError(column: peek.column, message: "Expected \(expected), found \(found).")
  }

  private mutating func expect(_ symbol: Unicode.Scalar) throws(PatternSyntaxError) {
    guard isSymbol(symbol) else { throw unexpected("`\(symbol)`") }
    position += 1
  }

  /// SubNode : ModNode RelationDisj? | "(" SubNode ")" RelationDisj?
  private mutating func subNode() throws(PatternSyntaxError) -> PatternTree {
    let left: PatternTree
    if isSymbol("(") {
      position += 1
      left = try subNode()
      try expect(")")
    } else {
      left = try modNode()
    }
    guard isRelation else { return left }
    var alternatives: [PatternTree] = []
    for conjunction in try relationDisjunction() { alternatives.append(merge(left, conjunction)) }
    return fold(alternatives, PatternTree.or)
  }

  private struct Relation {
    var outgoing: Bool
    var tests: [AttributeTest]
    var target: PatternTree
  }

  /// RelationDisj : RelationConj ("|" RelationConj)*
  private mutating func relationDisjunction() throws(PatternSyntaxError) -> [[Relation]] {
    var disjunction = [try relationConjunction()]
    while isSymbol("|") {
      position += 1
      disjunction.append(try relationConjunction())
    }
    return disjunction
  }

  /// RelationConj : Relation ("&"? Relation)*
  private mutating func relationConjunction() throws(PatternSyntaxError) -> [Relation] {
    var relations = [try relation()]
    while true {
      if isSymbol("&") {
        position += 1
        relations.append(try relation())
      } else if isRelation {
        relations.append(try relation())
      } else {
        return relations
      }
    }
  }

  /// Relation : ("<" | ">") "{" Attributes "}" (ModNode | "(" SubNode ")")
  private mutating func relation() throws(PatternSyntaxError) -> Relation {
    guard case .relation(let outgoing) = peek.token else { throw unexpected("a relation `<` or `>`") }
    position += 1
    try expect("{")
    let tests = try attributes()
    try expect("}")
    let target: PatternTree
    if isSymbol("(") {
      position += 1
      target = try subNode()
      try expect(")")
    } else {
      target = try modNode()
    }
    return Relation(outgoing: outgoing, tests: tests, target: target)
  }

  /// ModNode : "{" Attributes "}" ("=" IDENTIFIER)?
  private mutating func modNode() throws(PatternSyntaxError) -> PatternTree {
    guard isSymbol("{") else { throw unexpected("a node `{…}` or `(`") }
    position += 1
    let tests = try attributes()
    try expect("}")
    var name: String? = nil
    if isSymbol("=") {
      position += 1
      guard case .identifier(let identifier) = peek.token else { throw unexpected("a name after `=`") }
      name = identifier
      position += 1
    }
    defer { nextNodeID += 1 }
    return .node(NodeDescription(id: nextNodeID, tests: tests, name: name))
  }

  /// Attributes : (IDENTIFIER ":" REGEX ("," Attributes)?)? — a repeated name keeps its last regex.
  private mutating func attributes() throws(PatternSyntaxError) -> [AttributeTest] {
    var tests: [AttributeTest] = []
    while case .identifier(let name) = peek.token {
      let column = peek.column
      position += 1
      try expect(":")
      guard case .regex(let body) = peek.token else { throw unexpected("a regular expression `/…/`") }
      position += 1
      tests.removeAll { $0.name == name }
      tests.append(AttributeTest(name: name, body: body, column: column))
      guard isSymbol(",") else { break }
      position += 1
    }
    return tests
  }

  /// One relation list on `left`, as the original merges it: an edge pattern per relation, each with `left` as
  /// its left side, folded into conjunctions from the end (`[e1, e2, e3]` → `and(and(e3, e2), e1)`).
  private mutating func merge(_ left: PatternTree, _ relations: [Relation]) -> PatternTree {
    var edges: [PatternTree] = []
    for relation in relations {
      edges.append(
        .edge(id: nextEdgeID, left: left, target: relation.target, outgoing: relation.outgoing, tests: relation.tests))
      nextEdgeID += 1
    }
    return fold(edges, PatternTree.and)
  }

  private func fold(_ items: [PatternTree], _ combine: (PatternTree, PatternTree) -> PatternTree) -> PatternTree {
    var list = items
    while list.count > 1 {
      let first = list.removeLast()
      let second = list.removeLast()
      list.append(combine(first, second))
    }
    return list[0]
  }

  /// The original rejects a pattern in which a name occurs twice, counting a node once per relation it has.
  private static func validateNames(_ tree: PatternTree) throws(PatternSyntaxError) {
    var seen: Set<String> = []
    for node in tree.nodeOccurrences {
      guard let name = node.name else { continue }
      guard seen.insert(name).inserted else {
        throw PatternSyntaxError(
          column: 1,
          message: "The name `\(name)` occurs more than once (a named node with several relations counts once per "
            + "relation); NegBio rejects such a pattern.")
      }
    }
  }
}
