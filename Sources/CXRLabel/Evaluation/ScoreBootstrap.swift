/// Bootstrap confidence intervals for a convention's figures, and the paired comparison of two generated sets
/// against one reference: studies are resampled with replacement, the figures computed on every resample, and the
/// 95% interval is the 2.5th and 97.5th percentiles (NumPy's linear interpolation).
public struct ScoreBootstrap: Sendable {
  /// How many resamples.
  public var resamples: Int
  /// The seed: the same seed gives the same intervals.
  public var seed: UInt64

  /// Creates a bootstrap of `resamples` resamples from `seed`.
  public init(resamples: Int, seed: UInt64) {
    self.resamples = resamples
    self.seed = seed
  }

  /// A figure's 95% interval (nil bounds: the figure was undefined in more than 5% of the resamples).
  public struct Interval: Sendable, Equatable {
    /// The figure's key.
    public var key: String
    /// The 2.5th percentile.
    public var low: Double?
    /// The 97.5th percentile.
    public var high: Double?
  }

  /// Intervals for every figure of `convention` on the paired 0/1 matrices (nil for no pair).
  public func intervals(_ convention: ScoreConvention, truth: BinaryMatrix, predictions: BinaryMatrix) -> [Interval]? {
    guard let observed = convention.figures(truth: truth, predictions: predictions) else { return nil }
    var samples = Array(repeating: [Double](), count: observed.values.count)
    var random = SeededRandom(seed: seed)
    for _ in 0..<resamples {
      let rows = Self.resample(count: truth.rows, using: &random)
      guard let figures = convention.figures(truth: truth.selecting(rows), predictions: predictions.selecting(rows))
      else { continue }
      for (index, figure) in figures.values.enumerated() where index < samples.count {
        if let value = figure.value { samples[index].append(value) }
      }
    }
    return observed.values.indices.map { index in
      interval(observed.values[index].key, samples[index])
    }
  }

  /// A paired comparison of generated sets A and B against one truth, figure by figure.
  public struct Comparison: Sendable, Equatable {
    /// The figure's key.
    public var key: String
    /// A's figure (nil where undefined).
    public var a: Double?
    /// B's figure.
    public var b: Double?
    /// A − B.
    public var difference: Double?
    /// The difference's 95% interval: its 2.5th percentile.
    public var low: Double?
    /// Its 97.5th percentile.
    public var high: Double?
    /// Two-sided paired-bootstrap p-value: twice the smaller share of resamples whose difference is ≤ 0 or ≥ 0
    /// (at most 1).
    public var p: Double?
  }

  /// Compares A and B on the same resampled studies (nil for no pair).
  public func compare(_ convention: ScoreConvention, truth: BinaryMatrix, a: BinaryMatrix, b: BinaryMatrix)
    -> [Comparison]?
  {
    guard let figuresA = convention.figures(truth: truth, predictions: a),
      let figuresB = convention.figures(truth: truth, predictions: b)
    else { return nil }
    var differences = Array(repeating: [Double](), count: figuresA.values.count)
    var random = SeededRandom(seed: seed)
    for _ in 0..<resamples {
      let rows = Self.resample(count: truth.rows, using: &random)
      let resampledTruth = truth.selecting(rows)
      guard let sampleA = convention.figures(truth: resampledTruth, predictions: a.selecting(rows)),
        let sampleB = convention.figures(truth: resampledTruth, predictions: b.selecting(rows))
      else { continue }
      for index in differences.indices {
        if let x = sampleA.values[index].value, let y = sampleB.values[index].value { differences[index].append(x - y) }
      }
    }
    return figuresA.values.indices.map { index in
      let key = figuresA.values[index].key
      let x = figuresA.values[index].value
      let y = figuresB.values[index].value
      let bounds = interval(key, differences[index])
      var p: Double?
      let samples = differences[index]
      if !samples.isEmpty, bounds.low != nil {
        let below = Double(samples.filter { $0 <= 0 }.count)
        let above = Double(samples.filter { $0 >= 0 }.count)
        p = min(1, 2 * min(below, above) / Double(samples.count))
      }
      return Comparison(
        key: key, a: x, b: y, difference: x.flatMap { x in y.map { x - $0 } }, low: bounds.low, high: bounds.high, p: p)
    }
  }

  /// The row indices of one resample: `count` draws with replacement, each `next() % count` of the generator.
  public static func resample(count: Int, using random: inout SeededRandom) -> [Int] {
    (0..<count).map { _ in Int(random.next() % UInt64(count)) }
  }

  /// The 2.5th and 97.5th percentiles of `values`, or nil bounds when more than 5% of the resamples had no value.
  private func interval(_ key: String, _ values: [Double]) -> Interval {
    guard !values.isEmpty, Double(values.count) >= 0.95 * Double(resamples) else {
      return Interval(key: key, low: nil, high: nil)
    }
    let sorted = values.sorted()
    return Interval(key: key, low: Self.percentile(sorted, 2.5), high: Self.percentile(sorted, 97.5))
  }

  /// The `percent`th percentile of sorted values, interpolated linearly between ranks (NumPy's default).
  public static func percentile(_ sorted: [Double], _ percent: Double) -> Double {
    let position = percent / 100 * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
  }
}

/// SplitMix64: a small, fast generator whose sequence depends only on its seed, so resamples are reproducible on
/// every platform.
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator from a seed.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension ScoreBootstrap.Comparison {
  /// Comparisons as one JSON object: each key → `a`, `b`, `difference`, `ci95` (`[low, high]`) and `p`.
  public static func json(_ comparisons: [ScoreBootstrap.Comparison]) -> String {
    var json = JSONText()
    json.object(comparisons.map(\.key)) { json, index in
      let comparison = comparisons[index]
      json.object(["a", "b", "difference", "ci95", "p"]) { json, field in
        switch field {
        case 0: json.double(comparison.a)
        case 1: json.double(comparison.b)
        case 2: json.double(comparison.difference)
        case 3: json.pair(comparison.low, comparison.high)
        default: json.double(comparison.p)
        }
      }
    }
    json.raw("\n")
    return String(decoding: json.bytes, as: UTF8.self)
  }
}
