/// The parser's word lists, written by hand for chest X-ray report language.
///
/// Each list is whitespace-separated; nouns are given in the singular and verbs in the base form
/// (inflections are recognised by ``ParserTagger`` and undone by ``ParserLemmatizer``).
enum ParserLexiconWords {
  /// Closed-class words with one fixed tag, as `TAG word word ...` lines.
  static let closed = """
    DT the a an no any some this these those each every all both either neither another such
    PRP$ its their his her our my your
    PRP it they he she we i you them him us me itself themselves
    IN of in on at with without within for from by into onto over under through throughout about above below \
    along across around behind beside besides between beyond near than via per since after before during despite \
    upon toward towards among amongst outside inside like unlike as if because although though while whereas \
    whether except until unless underneath beneath amid against that
    CC and or but nor versus vs plus
    TO to
    MD may might can could would should will shall must cannot
    EX there
    WDT which whichever
    WP who what whom whose
    WRB where when how why
    RB not n't also very more most less least too again previously currently now still however otherwise then \
    perhaps rather somewhat only here therefore thus yet already just even almost nearly further else instead \
    likewise once twice ago elsewhere again anteriorly posteriorly laterally medially superiorly inferiorly
    VBZ is has does
    VBP are am have do
    VBD was were had did
    VB be
    VBN been done seen shown given made taken found
    VBG being having doing
    POS 's
    UH please
    """

  /// Common nouns (singular).
  static let nouns = """
    heart lung chest thorax mediastinum hilum silhouette contour size aorta arch knob vasculature vascularity \
    vessel artery vein diaphragm hemidiaphragm angle sulcus base apex lobe segment lingula zone field region area \
    space airspace pleura parenchyma interstitium bone rib spine vertebra clavicle scapula shoulder humerus sternum \
    trachea bronchus carina esophagus stomach abdomen bowel liver spleen tissue neck breast axilla cardiomediastinum \
    cortex margin border wall junction atrium ventricle valve root chamber body column hemithorax structure \
    effusion pneumothorax pneumonia opacity opacification consolidation atelectasis edema cardiomegaly infiltrate \
    infiltration nodule mass lesion fracture granuloma calcification scarring scar fibrosis emphysema hyperinflation \
    hyperexpansion thickening blunting congestion prominence engorgement redistribution pneumoperitoneum \
    pneumomediastinum abnormality disease process change finding evidence sign focus density infection inflammation \
    aspiration hemorrhage contusion collapse volume loss elevation deformity degeneration spondylosis osteophyte \
    osteopenia kyphosis scoliosis tortuosity ectasia dilatation dilation enlargement hernia cyst tumor malignancy \
    metastasis adenopathy lymphadenopathy cardiomyopathy failure chf copd bronchitis bronchiectasis asthma \
    tuberculosis histoplasmosis sarcoidosis marking crowding pattern appearance configuration position placement tip \
    course line tube catheter pacemaker pacer lead wire sternotomy clip device port picc stent prosthesis hardware \
    surgery cabg drain drainage shunt coil material screw plate rod fixation arthroplasty thoracotomy lobectomy \
    pneumonectomy resection mastectomy cholecystectomy granulomata nipple shadow shadowing artifact overlap \
    limit view radiograph film study exam examination comparison prior image imaging ct patient history year month \
    day time degree amount level portion aspect side component morphology projection technique inspiration \
    expiration effort quality contrast air fluid gas blood sequela diagnosis consideration possibility concern \
    suspicion correlation followup follow-up recommendation question suggestion etiology cause case setting context \
    presence absence resolution removal development progression improvement worsening increase decrease interval \
    stability indistinctness cuffing interstitium cardiomegally displacement shift deviation xxxx x-xxxx pa ap \
    reticulation nodularity lucency radiolucency hyperlucency lucencies air-fluid bulla bleb cavity cavitation \
    node atherosclerosis calcinosis plaque pneumatocele diameter \
    dextroscoliosis levoscoliosis curvature osteoarthritis arthritis spur disc height wedging compression \
    phase recess gutter fissure \
    mm cm inch
    """

  /// Adjectives.
  static let adjectives = """
    normal abnormal unremarkable clear stable mild moderate severe minimal small large tiny massive acute chronic \
    old new focal diffuse patchy streaky hazy linear bilateral unilateral left right upper lower middle mid lateral \
    medial anterior posterior basilar basal apical central peripheral pleural pulmonary cardiac cardiopulmonary \
    cardiomediastinal mediastinal hilar perihilar interstitial alveolar vascular thoracic lumbar cervical \
    degenerative granulomatous nodular reticular reticulonodular subsegmental segmental lobar multifocal obvious \
    definite possible probable likely unlikely questionable suspicious consistent compatible suggestive worrisome \
    prominent tortuous ectatic atherosclerotic low high borderline visible evident apparent present absent similar \
    intact free negative positive secondary due remote previous recent residual significant overt frank gross \
    subtle slight minor dense faint ill-defined well-defined osseous bony skeletal soft calcific fibrotic \
    emphysematous adequate satisfactory appropriate standard incomplete complete other additional multiple several \
    numerous few various aortic tracheal retrocardiac paratracheal subcutaneous subpulmonic intrathoracic \
    extrathoracic infrahilar suprahilar bibasilar bibasal biapical retrosternal clinical critical differential \
    mild-to-moderate top lordotic portable upright supine semi-upright erect inferior superior proximal distal \
    round oval irregular smooth sharp well-expanded hyperinflated hyperexpanded underinflated hypoinflated \
    cardiopericardial pericardial diaphragmatic costal apicolateral inspiratory expiratory mediastinal \
    right-sided left-sided bilaterally appropriate unclear uncertain indeterminate nonspecific non-specific \
    noncalcified vague ill prior same different early late short long wide narrow thin thick \
    marked minimally grossly cardiothoracic congestive obstructive infectious inflammatory neoplastic \
    metastatic benign malignant healed old-appearing normal-appearing unchanged-appearing stable-appearing \
    expected unusual typical atypical lucent dependent extensive moderate-sized small-to-moderate \
    moderately-sized large-sized tortuous-appearing overall whole entire main general slight frontal costophrenic \
    unchanged
    """

  /// Verbs (base form).
  static let verbs = """
    represent reflect indicate include exclude identify see demonstrate suggest appear remain resolve clear show \
    note visualize evaluate assess compare consider favor question suspect correlate recommend perform obtain \
    place position project overlie obscure limit improve worsen increase decrease change enlarge elevate flatten \
    blunt widen expand inflate measure persist develop remove extend contain involve cause relate consist seem \
    become look document follow rule diagnose explain reveal detect monitor confirm exist occur accentuate \
    mimic simulate resemble account superimpose underlie overlap compress displace deviate attach terminate \
    visualise recommend advise suspect favour raise lie unfold calcify opacify consolidate collapse heal \
    stabilize progress evolve interval-resolve return tilt rotate straighten
    """

  /// Words that are nouns by default but verbs right after a modal, `to`, `not` or a subject pronoun.
  static let nounOrVerb = """
    change increase decrease focus scar fracture infiltrate process view limit mark question concern need follow \
    place measure rule collapse progress return document favor suspect overlap show
    """

  /// Irregular plural nouns: `plural singular` pairs.
  static let irregularPlurals = """
    diagnoses diagnosis stenoses stenosis metastases metastasis prostheses prosthesis apices apex vertebrae vertebra \
    hila hilum foci focus sequelae sequela bronchi bronchus granulomata granuloma emboli embolus calculi calculus \
    lumina lumen criteria criterion data datum phenomena phenomenon feet foot teeth tooth men man women woman \
    children child anastomoses anastomosis bases base processes process
    """

  /// Irregular verb forms: `form lemma` pairs.
  static let irregularVerbs = """
    is be are be am be was be were be been be being be 's be has have had have having have does do did do done do \
    seen see saw see shown show showed show made make taken take took take given give gave give found find \
    left leave kept keep grown grow lain lie lay lie ca can wo will n't not overlain overlie overlay overlie \
    underwent undergo undergone undergo known know thought think brought bring seemed seem became become \
    begun begin began begin held hold led lead read read set set put put cut cut
    """
}
