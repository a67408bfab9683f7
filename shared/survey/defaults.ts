import { AFTER_REPAIR_SURVEY } from './after-repair';
import { ask, check, closing, defect, note, OVERALL_SCORE, rating, stage, survey } from './builders';
import type { Survey, SurveySection, SurveyStage } from './catalogue';

/**
 * Version 1 of every stage questionnaire, as the product ships it (DOMAIN §4; question texts from
 * seed 001 第二篇 and 第五篇, shortened for a phone screen). An admin publishes later versions.
 */

/** Where the welcome shows the service hotline; `get` fills it in from `settings/followup.hotline`. */
export const HOTLINE_PLACEHOLDER = '{hotline}';

/** The questionnaire with the hotline written into its intro. */
export function withHotline(survey: Survey, hotline: string): Survey {
  return { ...survey, intro: survey.intro.split(HOTLINE_PLACEHOLDER).join(hotline) };
}


/** The general satisfaction dimensions (001 第二篇), asked at every in-construction follow-up. */
const SATISFACTION: SurveySection = {
  id: 'satisfaction',
  title: '满意度',
  questions: [
    rating('design', '您对我们的设计满意吗？', 'design'),
    rating('quality', '您对施工质量满意吗？', 'constructionQuality'),
    rating('attitude', '您对工作人员的服务态度满意吗？', 'serviceAttitude'),
    rating('schedule', '您对工程进度满意吗？', 'schedule'),
    rating('materials', '您对施工材料满意吗？', 'materials'),
    rating('efficiency', '您对施工效率满意吗？', 'schedule'),
    rating('safety', '您对工地的安全措施满意吗？', 'safety'),
    rating('civilised', '您对文明施工（整洁、不扰邻）满意吗？', 'civilisedSite'),
    rating('cleaning', '您对现场保洁满意吗？', 'civilisedSite'),
  ],
};

/** Each member of the project's team, named on the complaint a poor rating opens. */
const STAFF: SurveySection = {
  id: 'staff',
  title: '工作人员',
  questions: [
    rating('designer', '您对设计师的服务满意吗？', 'design', 'designer'),
    rating('inspector', '您对监理（巡检）的服务满意吗？', 'constructionQuality', 'inspector'),
    rating('projectManager', '您对项目经理的服务满意吗？', 'constructionQuality', 'projectManager'),
    rating('workers', '您对施工人员的服务满意吗？', 'constructionQuality', 'worker'),
  ],
};

/** Whether the staff keep the company's rules (001 第二篇). */
const CONDUCT: SurveySection = {
  id: 'conduct',
  title: '规范服务',
  questions: [
    check('inspections', '公司人员有没有定期到工地巡查？', 'no', 'constructionQuality', { staffRole: 'inspector' }),
    check('signs', '工地有没有张贴文明施工标识？', 'no', 'civilisedSite', { staffRole: 'worker' }),
    rating('siteRules', '您对公司的管理规定和施工中的各项规章制度满意吗？', 'civilisedSite'),
    check('rulesBroken', '施工中有没有发现我们的人员违反公司规定？', 'yes', 'misconduct'),
    ask('recommend', '亲友装修时，您愿意推荐我们吗？'),
  ],
};


/** A stage's own questions, then the general satisfaction, staff and conduct screens, then the score. */
const inConstruction = (stage: SurveyStage, title: string, own: SurveySection): Survey =>
  survey(stage, title, [own, SATISFACTION, STAFF, CONDUCT, closing()]);


export const DEFAULT_SURVEYS: Record<SurveyStage, Survey> = {
  welcome: survey(
    'welcome',
    '订金回访',
    [],
    `感谢您选择我们！我们会严把质量关、保证工期，全程跟进您的装修。期间有任何问题，请拨打客服热线 ${HOTLINE_PLACEHOLDER}，我们会第一时间为您处理。`,
  ),

  started: inConstruction('started', '开工回访', stage('开工情况', [
    check('workStarted', '您家的工地已经开工了吗？', 'no', 'schedule', { staffRole: 'projectManager' }),
    ask('materialsArrived', '材料已经进场了吗？'),
    check('acceptanceAccompanied', '验收材料时，项目经理和监理在场陪同吗？（材料未到可不选）', 'no', 'materials', { staffRole: 'inspector', required: false }),
    check('signedForMaterials', '材料进场时，工人请您到现场验收签字了吗？（材料未到可不选）', 'no', 'materials', { staffRole: 'worker', required: false }),
    check('handoverClear', '设计师向施工队的交底清楚吗？', 'no', 'design', { staffRole: 'designer' }),
    check('drawingsComplete', '您拿到的设计图和施工图齐全吗？', 'no', 'design', { staffRole: 'designer' }),
  ])),

  concealed: inConstruction('concealed', '隐蔽工程回访', stage('隐蔽工程', [
    check('supervisorInTouch', '监理是否经常和您联系，说明现场施工情况？', 'no', 'constructionQuality', { staffRole: 'inspector' }),
    { id: 'supervisorContacts', type: 'count', text: '到目前为止，监理和您联系过几次？', required: false },
    check('changesExplained', '有疑问或改动时，设计师到现场向施工队交代清楚了吗？（没有改动可不选）', 'no', 'design', { staffRole: 'designer', required: false }),
    rating('concealedWorks', '您对水电等隐蔽工程的施工满意吗？', 'constructionQuality'),
  ])),

  mid: inConstruction('mid', '中期回访', stage('中期施工', [
    rating('installation', '产品进场安装您满意吗？', 'materials'),
    check('workersFollowRules', '现场工人施工规范吗？', 'no', 'constructionQuality', { staffRole: 'worker' }),
    check('requestsHandled', '您的意见和要求，设计师、项目经理、监理都及时处理了吗？', 'no', 'serviceAttitude'),
  ])),

  preCompletion: inConstruction('preCompletion', '竣工前回访', stage('竣工准备', [
    check('onTrack', '您觉得工程能在合同约定的日期竣工吗？', 'no', 'schedule', { staffRole: 'projectManager' }),
    check('openItems', '竣工前还有需要我们处理的问题吗？', 'yes', 'constructionQuality', { staffRole: 'projectManager' }),
    note('openItemsDetail', '需要处理的是哪些问题？'),
    ask('acceptanceArranged', '竣工验收的时间和您约好了吗？'),
  ])),

  lateCompletion: survey('lateCompletion', '延期竣工回访', [
    stage('完工情况', [
      ask('completed', '工程现在完工了吗？'),
      note('completedOn', '实际是哪天完工的？（例如 5 月 20 日）'),
      check('delayExplained', '项目经理向您说明延期原因和新的完工时间了吗？', 'no', 'schedule', { staffRole: 'projectManager' }),
      rating('delayHandling', '您对延期的处理满意吗？', 'schedule', 'projectManager'),
    ]),
    closing(),
  ]),

  completion: inConstruction('completion', '竣工回访', stage('竣工交付', [
    defect('stillToFix', '房子里还有需要我们上门维修的地方吗？有的话请选类别'),
    note('stillToFixDetail', '需要维修的是哪里、什么情况？'),
    check('privateCharges', '施工过程中，有人私下向您收费吗？', 'yes', 'privateCharges'),
  ])),

  overall: survey('overall', '整体评价回访', [
    stage('保修办理', [
      check('warrantyExplained', '保修范围和保修期限向您说明清楚了吗？', 'no', 'serviceAttitude'),
      check('warrantyCardReceived', '您拿到保修卡了吗？', 'no', 'serviceAttitude'),
    ]),
    SATISFACTION,
    closing(OVERALL_SCORE, ask('recommend', '亲友装修时，您愿意推荐我们吗？')),
  ]),

  feedbackForm: survey('feedbackForm', '意见反馈回访', [
    stage('意见反馈', [
      ask('formReceived', '您收到《客户意见反馈表》了吗？'),
      rating('quality', '您对施工质量满意吗？', 'constructionQuality'),
      rating('attitude', '您对工作人员的服务态度满意吗？', 'serviceAttitude'),
    ]),
    closing(OVERALL_SCORE, ask('recommend', '亲友装修时，您愿意推荐我们吗？')),
  ]),

  warranty: survey('warranty', '质保期回访', [
    stage('房屋使用', [
      defect('anyProblems', '最近房屋使用中出现需要维修的问题了吗？有的话请选类别'),
      note('problemDetail', '出现的是什么问题、在哪个位置？'),
      check('repairsDone', '之前报修的问题都处理好了吗？（没有报修可不选）', 'no', 'constructionQuality', { required: false }),
    ]),
    closing(),
  ]),

  afterRepair: AFTER_REPAIR_SURVEY,

  afterComplaint: survey('afterComplaint', '投诉处理回访', [
    stage('处理情况', [
      check('repliedIn24h', '我们在 24 小时内答复您了吗？', 'no', 'serviceAttitude'),
      check('resolved', '您反映的问题解决了吗？', 'no', 'other'),
      rating('handling', '您对处理过程满意吗？', 'serviceAttitude'),
    ]),
    closing(),
  ]),
};
